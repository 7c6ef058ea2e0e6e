package com.catalyst.health;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /health} in every process, whatever bundles it runs. */
@Component
public class HealthRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/health").id("health-rest").get().id("health-rest-get").produces("application/json").to("direct:health-report");

        from("direct:health-report").routeId("health-report")
                .removeHeaders("*")
                .setBody(method("healthReporter", "report"))
                .setHeader("CamelHttpResponseCode", method("healthReporter", "httpStatus(${body})"))
                .marshal().json()
                .setHeader("Content-Type", constant("application/json"));
    }
}
