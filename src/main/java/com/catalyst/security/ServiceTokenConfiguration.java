package com.catalyst.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.catalyst.config.Bundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Split mode only: the service-token check in front of the internal operations of the bundles this process runs. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "catalyst.bundles.all-in-one", havingValue = "false")
class ServiceTokenConfiguration {

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> serviceTokenFilter(ServiceTokens tokens, @Value("${catalyst.bundles.active}") String active) {
        Map<String, String> operations = new LinkedHashMap<>();
        Arrays.stream(active.split(",")).map(Bundle::fromId).forEach(bundle ->
                bundle.operations().forEach(op -> operations.put("/api/v1/" + bundle.id() + "/" + op, bundle.id())));
        FilterRegistrationBean<ServiceTokenFilter> registration = new FilterRegistrationBean<>(new ServiceTokenFilter(tokens, operations));
        registration.addUrlPatterns("/api/v1/*");
        // before anything reads the body
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
