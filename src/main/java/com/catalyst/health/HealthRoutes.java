package com.catalyst.health;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code GET /health} in every process, whatever bundles it runs. */
@Component
public class HealthRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/health").id("health-rest").get().id("health-rest-get").produces("application/json").to("direct:health-report");

        // X-Catalyst-Caller is set by the security chain alone (CallerHeadersFilter): detail only to a credential
        from("direct:health-report").routeId("health-report")
                .setBody(method("healthReporter", "report(${header.X-Catalyst-Caller})"))
                .removeHeaders("*")
                .setHeader("CamelHttpResponseCode", method("healthReporter", "httpStatus(${body})"))
                .marshal().json()
                .setHeader("Content-Type", constant("application/json"));
    }
}
