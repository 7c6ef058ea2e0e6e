package com.catalyst.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CatalystProperties.class)
public class InfrastructureConfiguration {

    @Bean
    static EmbeddedDatabaseInitializer embeddedDatabaseInitializer(org.springframework.core.env.ConfigurableEnvironment env) {
        return new EmbeddedDatabaseInitializer(env);
    }

    // static: a BeanPostProcessor must exist before the beans it post-processes
    @Bean
    static DatabaseStartupWait databaseStartupWait(Environment env) {
        return new DatabaseStartupWait(env);
    }
}
