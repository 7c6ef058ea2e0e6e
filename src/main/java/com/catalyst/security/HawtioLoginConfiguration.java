package com.catalyst.security;

import java.util.Map;
import java.util.function.Supplier;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Hawtio's login when {@code hawtio.authenticationEnabled=true} (compose): the JAAS realm Hawtio authenticates
 * against (realm {@code hawtio} unless {@code hawtio.realm} says otherwise) gets one operator login, from
 * {@code CATALYST_HAWTIO_USER} and {@code CATALYST_HAWTIO_PASSWORD}. A missing or short one stops start-up naming it.
 * Plain JAAS is Hawtio's own mechanism; no Spring Security filter chain is put in front of the rest of the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hawtio.authenticationEnabled", havingValue = "true")
class HawtioLoginConfiguration {

    static final String USER = "catalyst.hawtio.user";
    static final String PASSWORD = "catalyst.hawtio.password";
    private static final Logger log = LoggerFactory.getLogger(HawtioLoginConfiguration.class);

    /**
     * Checks the operator login before any other bean exists, so a missing or short setting stops start-up naming it
     * (a failure among the singletons could leave non-daemon threads behind that keep the JVM running).
     */
    @Bean
    static BeanFactoryPostProcessor hawtioOperatorLogin(Environment environment) {
        return beanFactory -> {
            OperatorCredentials credentials = new OperatorCredentials(environment.getProperty(USER), environment.getProperty(PASSWORD),
                    "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD");
            beanFactory.registerSingleton("hawtioOperatorCredentials", credentials);
            log.info("Hawtio login on: the JAAS realm admits operator '{}'", credentials.user());
        };
    }

    /**
     * Installed while the servlet context starts, before Hawtio's context listener copies the realm's JAAS entries;
     * that is before the singletons exist, so the login module looks the credentials up when someone logs in.
     */
    @Bean
    ServletContextInitializer hawtioOperatorRealm(Environment environment, ObjectProvider<OperatorCredentials> credentials) {
        String realm = environment.getProperty("hawtio.realm", "hawtio");
        Supplier<OperatorCredentials> lookup = credentials::getObject;
        return servletContext -> javax.security.auth.login.Configuration.setConfiguration(new Realm(realm, lookup, previous()));
    }

    private static javax.security.auth.login.Configuration previous() {
        try {
            return javax.security.auth.login.Configuration.getConfiguration();
        } catch (SecurityException noJaasFile) {
            return null;
        }
    }

    /** The operator realm; every other JAAS application name goes to the configuration there was before. */
    static final class Realm extends javax.security.auth.login.Configuration {

        private final String name;
        private final AppConfigurationEntry entry;
        private final javax.security.auth.login.Configuration others;

        Realm(String name, Supplier<OperatorCredentials> credentials, javax.security.auth.login.Configuration others) {
            this.name = name;
            this.entry = new AppConfigurationEntry(OperatorLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED,
                    Map.of(OperatorLoginModule.CREDENTIALS_OPTION, credentials));
            this.others = others instanceof Realm realm ? realm.others : others;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String application) {
            if (name.equals(application)) {
                return new AppConfigurationEntry[] {entry};
            }
            return others == null ? null : others.getAppConfigurationEntry(application);
        }
    }
}
