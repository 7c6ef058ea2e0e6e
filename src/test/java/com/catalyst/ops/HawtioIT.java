package com.catalyst.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.RouteIds;
import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operator sees in Hawtio: every route of the nine bundles as a Camel route MBean, read through Jolokia the
 * way Hawtio reads it, with its exchange counts and processing time; and the console itself at /actuator/hawtio/.
 */
@CatalystIntegrationTest
@DisableJmx(false) // Camel's test support turns JMX off by default; Hawtio needs it
class HawtioIT {

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    List<RouteBuilder> javaRoutes;

    @Test
    void jolokiaListsEveryRouteOfTheNineBundlesWithItsStatistics() throws Exception {
        CycleSummary cycle = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(cycle.status()).as(String.valueOf(cycle.failureReason())).isEqualTo("completed");

        Set<String> expected = new TreeSet<>(RouteIds.fromYaml(Path.of("routes")));
        expected.addAll(RouteIds.fromJava(javaRoutes));
        assertThat(expected).as("route ids read from routes/*.yaml and the Java RouteBuilders")
                .contains("workflow-run-cycle", "scanner-scan", "trading-place-order", "news-enrich", "reporting-cycle-report",
                        "redis-put", "health-report");

        Jolokia jolokia = new Jolokia("http://127.0.0.1:" + port);
        JsonNode names = jolokia.post(Map.of("type", "search", "mbean", "org.apache.camel:type=routes,*"));
        assertThat(names).hasSizeGreaterThanOrEqualTo(expected.size());
        assertThat(jolokia.search("org.apache.camel:type=routes,*")).as("GET form").hasSize(names.size());

        JsonNode read = jolokia.post(Map.of("type", "read", "mbean", "org.apache.camel:type=routes,*",
                "attribute", List.of("RouteId", "ExchangesTotal", "ExchangesFailed", "MeanProcessingTime")));
        Map<String, JsonNode> byRouteId = new TreeMap<>();
        for (Iterator<JsonNode> it = read.elements(); it.hasNext(); ) {
            JsonNode attributes = it.next();
            byRouteId.put(attributes.get("RouteId").asText(), attributes);
        }
        assertThat(byRouteId.keySet()).containsAll(expected);
        JsonNode run = byRouteId.get("workflow-run-cycle");
        assertThat(run.get("ExchangesTotal").asLong()).isEqualTo(1);
        assertThat(run.get("ExchangesFailed").asLong()).isZero();
        assertThat(run.get("MeanProcessingTime").asLong()).isPositive();
        assertThat(byRouteId.get("trading-place-order").get("ExchangesTotal").asLong()).isEqualTo(cycle.orders().size());
    }

    @Test
    void hawtioServesTheConsole() throws Exception {
        HttpResponse<String> console = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/hawtio/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(console.body()).containsIgnoringCase("<title>Hawtio");
    }
}
