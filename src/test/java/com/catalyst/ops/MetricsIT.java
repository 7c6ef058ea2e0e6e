package com.catalyst.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a cycle, /actuator/prometheus shows the domain metrics beside Camel's route metrics, with the cycle's own
 * numbers; and every metric the Grafana dashboard queries and the alert rules read is there.
 */
@CatalystIntegrationTest
@AutoConfigureObservability // Spring Boot's tests leave the Prometheus endpoint out unless asked
class MetricsIT {

    static final Path DASHBOARD = Path.of("compose/grafana/catalyst-dashboard.json");
    /** The metric families the project and Camel publish; PromQL functions and labels are not among them. */
    static final Pattern METRIC = Pattern.compile("\\b(?:catalyst|camel|resilience4j)_[a-z0-9_]+");
    static final Path ALERTS = Path.of("compose/prometheus/catalyst-alerts.yml");
    static final Pattern SELECTOR = Pattern.compile("\\b(?:catalyst|camel|resilience4j|up)[a-z0-9_]*\\{([^}]*)}");
    static final Pattern LABEL_MATCH = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");
    static final Pattern BY = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

    @LocalServerPort
    int port;
    @Autowired
    ProducerTemplate producer;

    private static CycleSummary cycle;

    @BeforeEach
    void oneCycle() {
        if (cycle == null) {
            cycle = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
            assertThat(cycle.status()).as(String.valueOf(cycle.failureReason())).isEqualTo("completed");
        }
    }

    @Test
    void theCycleShowsInTheDomainMetrics() throws Exception {
        // the P&L gauges follow the cycle report, which the wire tap sends after the cycle returns
        PrometheusScrape scrape = awaitScrape("catalyst_positions_open", cycle.placed());

        assertThat(scrape.value("catalyst_cycles_total", "status=\"completed\"")).isEqualTo(1.0);
        assertThat(scrape.value("catalyst_cycle_duration_seconds_count", "status=\"completed\"")).isEqualTo(1.0);
        assertThat(scrape.value("catalyst_cycle_duration_seconds_sum", "status=\"completed\"")).isEqualTo(cycle.durationMs() / 1000.0);
        assertThat(scrape.value("catalyst_cycle_candidates_sum", "step=\"universe\"")).isEqualTo(cycle.scanned());
        assertThat(scrape.value("catalyst_cycle_candidates_sum", "step=\"scan\"")).isEqualTo(cycle.candidates());
        assertThat(scrape.value("catalyst_cycle_candidates_sum", "step=\"news\"")).isEqualTo(cycle.afterNews());
        assertThat(scrape.value("catalyst_cycle_candidates_sum", "step=\"picked\"")).isEqualTo(cycle.picked());
        long filled = cycle.orders().stream().filter(o -> "filled".equals(o.status())).count();
        assertThat(scrape.value("catalyst_orders_total", "kind=\"entry\"", "status=\"filled\"")).isEqualTo(filled);
        assertThat(scrape.value("catalyst_fills_total", "kind=\"entry\"", "side=\"buy\"")).isEqualTo(filled);
        assertThat(scrape.value("catalyst_filled_shares_total", "side=\"buy\""))
                .isEqualTo(cycle.orders().stream().mapToInt(o -> o.filledQuantity()).sum());
        assertThat(scrape.value("catalyst_pnl_realized_usd")).isZero();
        assertThat(scrape.value("catalyst_positions_open")).isEqualTo(cycle.placed());
        assertThat(scrape.value("resilience4j_circuitbreaker_state", "state=\"closed\"")).isEqualTo(1.0);
        assertThat(scrape.value("camel_exchanges_total", "routeId=\"workflow-run-cycle\"")).isEqualTo(1.0);
    }

    @Test
    void everyMetricOfTheDashboardIsPublished() throws Exception {
        Set<String> used = new TreeSet<>();
        for (JsonNode expr : new ObjectMapper().readTree(DASHBOARD.toFile()).findValues("expr")) {
            Matcher m = METRIC.matcher(expr.asText());
            while (m.find()) {
                used.add(m.group());
            }
        }
        assertThat(used).as("metrics the dashboard queries").hasSizeGreaterThan(10)
                .contains("camel_exchanges_total", "camel_exchanges_failed_total", "camel_route_policy_seconds_sum");
        Set<String> published = awaitScrape("catalyst_positions_open", cycle.placed()).names();
        assertThat(published).containsAll(used);
    }

    /**
     * Every metric an alert rule reads is served under that name, with the labels the rule selects or groups by: a
     * renamed metric or label would leave an alert that can never fire.
     */
    @Test
    void everyMetricAndLabelOfTheAlertRulesIsPublished() throws Exception {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(ALERTS));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
            }
        }
        assertThat(expressions).as("alert expressions in " + ALERTS).hasSizeGreaterThanOrEqualTo(7);

        PrometheusScrape scrape = awaitScrape("catalyst_positions_open", cycle.placed());
        Set<String> used = new TreeSet<>();
        for (String expr : expressions) {
            Set<String> metrics = new TreeSet<>();
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                metrics.add(m.group());
            }
            used.addAll(metrics);
            assertThat(scrape.names()).as("metrics of alert expression " + expr).containsAll(metrics);
            // labels a selector matches on or an aggregation keeps; job and instance are added by Prometheus itself
            Set<String> labels = new TreeSet<>();
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                Matcher label = LABEL_MATCH.matcher(selector.group(1));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
            Matcher by = BY.matcher(expr);
            while (by.find()) {
                for (String label : by.group(1).split(",")) {
                    labels.add(label.trim());
                }
            }
            labels.removeAll(Set.of("job", "instance"));
            for (String label : labels) {
                assertThat(metrics).as("label " + label + " of " + expr + " on one of its metrics")
                        .anyMatch(metric -> scrape.labelNames(metric).contains(label));
            }
        }
        assertThat(used).contains("catalyst_cycles_total", "catalyst_cycle_duration_seconds_bucket", "catalyst_orders_total",
                "resilience4j_circuitbreaker_state", "camel_exchanges_failed_total", "catalyst_pnl_realized_usd");
    }

    private PrometheusScrape awaitScrape(String gauge, double expected) {
        return await(gauge + " = " + expected).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> PrometheusScrape.of("http://127.0.0.1:" + port), scrape -> scrape.value(gauge) == expected);
    }
}
