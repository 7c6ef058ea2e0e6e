package com.catalyst.config;

import java.util.HashMap;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL when, once every property source is in place, no database is configured; runs
 * before any bean is created, so the DataSource sees the embedded server's URL. Turn it off with
 * {@code catalyst.database.embedded=false}.
 */
public class EmbeddedDatabaseInitializer implements BeanFactoryPostProcessor {

    private final ConfigurableEnvironment env;

    public EmbeddedDatabaseInitializer(ConfigurableEnvironment env) {
        this.env = env;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (env.containsProperty("spring.datasource.url")) {
            return;
        }
        if (!env.getProperty("catalyst.database.embedded", Boolean.class, true)) {
            throw new IllegalStateException("No database configured: set DATABASE_URL (or spring.datasource.url),"
                    + " or leave catalyst.database.embedded=true to use the embedded PostgreSQL");
        }
        env.getPropertySources().addFirst(new MapPropertySource("catalystEmbeddedDatabase", new HashMap<>(EmbeddedPostgresLauncher.start(env))));
    }
}
