package com.catalyst.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The integration tests' common set-up, once: the whole application on a random port, Camel's test support, the
 * workflow's timer off, the simulated clock frozen at 11:00 on 2026-01-06 (a session of the seeded market with setups),
 * a database of the test class's own on the real PostgreSQL ({@link FreshDatabase}: {@code catalyst_it_<class>},
 * created empty and migrated), and {@link CatalystHttp}, a JSON client to the application's port, to autowire.
 * A test adds or overrides settings with {@code @TestPropertySource(properties = ...)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.session-date=2026-01-06",
        "catalyst.clock.start-time=11:00",
        "catalyst.clock.speed=0"})
@ContextCustomizerFactories(FreshDatabase.class)
public @interface CatalystIntegrationTest {
}
