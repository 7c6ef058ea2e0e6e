package com.catalyst.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.catalyst.testsupport.TestDatabases;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route developer's workflow: with reloading on, a YAML file dropped into the routes folder is loaded and runs,
 * without a restart and without recompiling. Uses a copy of routes/ so the project's folder is left alone.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.routes.reload=true",
        "catalyst.examples.top-movers-period=300",
        "catalyst.clock.speed=0"})
class YamlRouteDropInIT {

    static final Path ROUTES = copyOfRoutes();

    static {
        // the routes folder shapes the context before test property sources exist: a system property reaches it
        System.setProperty("catalyst.routes.dir", ROUTES.toString());
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_yaml"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
    }

    @org.junit.jupiter.api.AfterAll
    static void clearRoutesDir() {
        System.clearProperty("catalyst.routes.dir");
    }

    @Autowired
    CamelContext camel;

    @Test
    void aDroppedInYamlRouteIsLoadedAndRuns() throws Exception {
        assertThat(camel.getRoute("scanner-log-top-movers")).isNull();
        assertThat(camel.getRoute("workflow-run-cycle")).as("the bundles' routes load from the copied folder").isNotNull();

        NotifyBuilder ran = new NotifyBuilder(camel).fromRoute("scanner-log-top-movers").whenCompleted(2).create();
        Files.copy(Path.of("docs/examples/scanner-top-movers.camel.yaml"), ROUTES.resolve("scanner-top-movers.camel.yaml"));

        assertThat(ran.matches(30, TimeUnit.SECONDS)).as("the new route ran twice").isTrue();
        assertThat(camel.getRoute("scanner-log-top-movers")).isNotNull();
        assertThat(camel.getRoute("workflow-run-cycle")).as("reloading one file keeps the other routes").isNotNull();
    }

    private static Path copyOfRoutes() {
        try {
            Path dir = Files.createTempDirectory("catalyst-routes");
            try (Stream<Path> files = Files.list(Path.of("routes"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("could not copy routes/: " + e.getMessage(), e);
        }
    }
}
