package com.catalyst.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.config.BundleTopologyPostProcessor;
import com.catalyst.config.CatalystProperties;
import com.catalyst.config.JsonLimits;
import com.catalyst.routing.ErrorPolicies;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.DataFormatCustomizer;
import org.apache.camel.spi.PropertiesSource;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import static org.apache.camel.builder.Builder.constant;

/**
 * Route tests without a database, Redis or HTTP, in the style of camel-spring-boot-examples' {@code unit-testing}: a Camel
 * context with the project's own route files from routes/ (read as the all-in-one application reads them), its error
 * policies (ErrorPolicies), its settings (application.yaml: endpoints, timeouts, the broker's circuit breaker) and its JSON
 * mapper. A test binds the beans the routes call ({@link #bindToRegistry}: the record's repositories as Mockito mocks),
 * swaps the world for mocks with {@link AdviceWith} ({@link #replaceRecordAndCache()}: the Redis calls to {@value #REDIS};
 * the bundle calls in the test itself), sets {@link MockEndpoint} expectations and answers, and then
 * starts the context ({@link #startRoutes()}). The REST verbs of the files are loaded but served by nothing here.
 */
public abstract class YamlRouteTestSupport extends CamelTestSupport {

    /** Every call of {@code direct:redis-*} (RedisRoutes, not loaded here), replaced. */
    public static final String REDIS = "mock:redis";

    /** The application's settings: application.yaml, with the endpoints the all-in-one process computes. */
    protected static final StandardEnvironment SETTINGS = settings();
    protected static final CatalystProperties PROPS = Binder.get(SETTINGS).bind("catalyst", CatalystProperties.class).get();
    /** The mapper as Spring Boot builds it from spring.jackson.* (snake_case, no nulls, ISO dates), with the JSON limits. */
    protected static final ObjectMapper JSON = JsonLimits.limited(Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build());

    /** The route files under test, by name in routes/. */
    protected abstract List<String> routeFiles();

    @Override
    public void configureTest(TestExecutionConfiguration config) {
        super.configureTest(config);
        // the context starts once the test has advised it (startRoutes)
        config.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getPropertiesComponent().addPropertiesSource(new PropertiesSource() {
            @Override
            public String getName() {
                return "application.yaml";
            }

            @Override
            public String getProperty(String name) {
                return SETTINGS.getProperty(name);
            }
        });
        // as application.yaml's camel.rest.*: each REST-linked direct: route stays a route of its own
        camel.getRestConfiguration().setInlineRoutes(false);
        camel.getRestConfiguration().setComponent("no-http");
        camel.addComponent("no-http", new NoHttp());
        // as camel.dataformat.jackson.auto-discover-object-mapper: the one mapper for every marshal and unmarshal
        camel.getRegistry().bind("objectMapper", JSON);
        camel.getRegistry().bind("jsonWithTheApplicationsMapper",
                DataFormatCustomizer.forType(JacksonDataFormat.class, json -> json.setAutoDiscoverObjectMapper(true)));
        ((ModelCamelContext) camel).addResilience4jConfiguration("broker", circuitBreaker(camel, "broker"));
        camel.addRoutesConfigurations(new ErrorPolicies());
        return camel;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<Resource> files = new ArrayList<>();
        for (String file : routeFiles()) {
            files.add(ResourceHelper.resolveResource(context, "file:" + Path.of("routes", file).toAbsolutePath()));
        }
        return PluginHelper.getRoutesLoader(context).findRoutesBuilders(files).toArray(RoutesBuilder[]::new);
    }

    /**
     * Advises every loaded route: each call of {@code direct:redis-*} goes to {@value #REDIS} instead. (The record is
     * reached through its repositories, beans a test binds as mocks: no route file holds SQL.)
     */
    protected void replaceRecordAndCache() throws Exception {
        ModelCamelContext model = (ModelCamelContext) context;
        int n = 0;
        for (RouteDefinition route : List.copyOf(model.getRouteDefinitions())) {
            // the route files give their steps no ids: the test names each one it replaces, then weaves it by that id
            List<String> redis = new ArrayList<>();
            for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class)) {
                if (to.getUri().startsWith("direct:redis-")) {
                    to.setId("test-redis-" + ++n);
                    redis.add(to.getId());
                }
            }
            if (redis.isEmpty()) {
                continue;
            }
            AdviceWith.adviceWith(context, route.getRouteId(), false, a -> redis.forEach(id -> a.weaveById(id).replace().to(REDIS)));
        }
    }

    protected void startRoutes() {
        context.start();
    }

    /** The broker's circuit breaker as application.yaml configures it (camel.resilience4j.configurations.&lt;id&gt;). */
    private static Resilience4jConfigurationDefinition circuitBreaker(CamelContext camel, String id) {
        Resilience4jConfigurationDefinition definition = new Resilience4jConfigurationDefinition();
        Map<String, String> settings = Binder.get(SETTINGS)
                .bind("camel.resilience4j.configurations." + id, Bindable.mapOf(String.class, String.class)).get();
        settings.forEach((key, value) -> {
            // metrics need the application's meter registry; they change nothing a route does
            if (!key.equals("micrometer-enabled")) {
                PropertyBindingSupport.build().withMandatory(true).bind(camel, definition, StringHelper.dashToCamelCase(key), value);
            }
        });
        return definition;
    }

    private static StandardEnvironment settings() {
        StandardEnvironment env = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(source -> env.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.yaml: " + e.getMessage(), e);
        }
        new BundleTopologyPostProcessor().postProcessEnvironment(env, null);
        return env;
    }

    /** Takes the REST verbs of a route file and serves none of them: these tests call the routes behind them. */
    private static final class NoHttp extends DefaultComponent implements RestConsumerFactory {

        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            throw new UnsupportedOperationException("no HTTP in a route test: " + uri);
        }

        @Override
        public Consumer createConsumer(CamelContext camel, Processor processor, String verb, String basePath, String uriTemplate,
                                       String consumes, String produces, RestConfiguration configuration, Map<String, Object> parameters)
                throws Exception {
            String path = basePath + (uriTemplate == null ? "" : uriTemplate);
            return camel.getEndpoint("direct:no-http-" + verb + path.replaceAll("[^A-Za-z0-9]+", "-")).createConsumer(processor);
        }
    }
}
