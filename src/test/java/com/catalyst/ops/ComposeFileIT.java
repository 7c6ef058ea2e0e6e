package com.catalyst.ops;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * compose/docker-compose.yml as parsed by docker compose config: services, seed ports, health checks, start order, secrets,
 * Prometheus and Grafana with their provisioning; and the alert rules under promtool (check and unit tests). Runs
 * {@code compose/test/compose-test.sh} and {@code compose/test/prometheus-test.sh} (exit code 0 expected); plain JUnit,
 * no Spring context.
 */
class ComposeFileIT {

    @Test
    void composeFilePasses() throws Exception {
        ShellTestRunner.runAndAssertSuccess("compose/test/compose-test.sh", Duration.ofMinutes(5));
    }

    @Test
    void alertRulesAndPrometheusConfigPassPromtool() throws Exception {
        ShellTestRunner.runAndAssertSuccess("compose/test/prometheus-test.sh", Duration.ofMinutes(5));
    }
}
