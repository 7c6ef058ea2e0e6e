package com.catalyst.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * For a {@link CatalystIntegrationTest}: a database of the test class's own, {@code catalyst_it_<class in snake case>},
 * dropped and created empty before its context starts (Flyway migrates it), and a {@link CatalystHttp} bean.
 * One context per test class, as each has its own database.
 */
public final class FreshDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(CatalystIntegrationTest.class)) {
            return null;
        }
        return new Customizer(databaseName(testClass));
    }

    /** {@code WatchlistIT} → {@code catalyst_it_watchlist_it}. */
    static String databaseName(Class<?> testClass) {
        return "catalyst_it_" + testClass.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    record Customizer(String database) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("catalystTestDatabase", Map.of(
                    "spring.datasource.url", TestDatabases.fresh(database), "spring.datasource.username", TestDatabases.USER)));
            context.getBeanFactory().registerSingleton("catalystHttp", new CatalystHttp(context.getEnvironment()));
        }
    }
}
