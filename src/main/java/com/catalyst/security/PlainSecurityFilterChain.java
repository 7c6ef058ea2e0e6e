package com.catalyst.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.web.FilterChainProxy;

/**
 * Takes Spring Security's filter chain out of the wrapper that Spring Security 6 puts around it whenever Spring MVC is
 * present: a {@code CompositeFilterChainProxy} whose first filter asks MVC's {@code HandlerMappingIntrospector} which
 * handler would serve each request, and caches the answer for {@code MvcRequestMatcher} and MVC-based CORS. Catalyst
 * uses neither: every rule is a {@code PathPatternRequestMatcher} and CORS is off (WebSecurityConfiguration), so that
 * lookup walked every handler mapping on every request for nothing: about a sixth of the CPU an MCP call took (docs/benchmarks.md). Spring Security 7 drops the wrapper.
 * <p>
 * Runs after every bean-definition registry post-processor (a {@link BeanFactoryPostProcessor} always does), finds the
 * wrapper's definition and puts back the chain it wraps, Spring Security's own definition, unchanged: its
 * {@link FilterChainProxy} behind the filter that parses each request's path once for the path-pattern rules; the
 * firewall, the rejected-request handler and the rules stay as they were. Where the wrapper is
 * not there (no Spring MVC, another Spring Security) it changes nothing. {@code PlainSecurityFilterChainIT} checks the
 * chain that serves requests is the plain one and that the rules still hold.
 */
final class PlainSecurityFilterChain implements BeanFactoryPostProcessor {

    static final String CHAIN = "springSecurityFilterChain";
    /** Spring MVC's wrapper (WebMvcSecurityConfiguration's), not WebSecurityConfiguration's, which parses the path once. */
    static final String MVC_WRAPPER = "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        if (!MVC_WRAPPER.equals(chain.getBeanClassName())) {
            return;
        }
        BeanDefinition wrapped = wrappedChain(chain.getConstructorArgumentValues());
        if (wrapped == null) {
            return;
        }
        registry.removeBeanDefinition(CHAIN);
        registry.registerBeanDefinition(CHAIN, wrapped);
    }

    /** The wrapper's one constructor argument is the list [the introspector's cache filter, the real chain]. */
    private static BeanDefinition wrappedChain(ConstructorArgumentValues arguments) {
        List<ConstructorArgumentValues.ValueHolder> holders = new ArrayList<>(arguments.getIndexedArgumentValues().values());
        holders.addAll(arguments.getGenericArgumentValues());
        for (ConstructorArgumentValues.ValueHolder holder : holders) {
            if (holder.getValue() instanceof List<?> filters && filters.size() == 2 && filters.get(1) instanceof BeanDefinition real) {
                return real;
            }
        }
        return null;
    }
}
