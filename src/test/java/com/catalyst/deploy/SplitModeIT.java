package com.catalyst.deploy;

import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar as two processes: workflow, scanner, news, reporting and the gateway in one; pattern, technical, risk
 * and trading in the other. The workflow reaches the second process over HTTP through the endpoint URIs taken from
 * configuration, and a cycle completes across both, recorded in the one PostgreSQL.
 */
class SplitModeIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCycleCompletesAcrossTwoProcesses() throws Exception {
        String db = TestDatabases.fresh("catalyst_it_split");
        int front = TestRedis.freePort();
        int back = TestRedis.freePort();
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_split",
                "CATALYST_SERVICE_TOKEN_SECRET", "split-mode-it-secret-0123456789abcdef");
        String[] common = {"--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0"};
        String remote = "http://127.0.0.1:" + back;
        try (CatalystProcess analysis = CatalystProcess.start("back", back, env, concat(common,
                     "--catalyst.bundles=pattern,technical,risk,trading"));
             CatalystProcess workflow = CatalystProcess.start("front", front, env, concat(common,
                     "--catalyst.bundles=orchestration,workflow,scanner,news,reporting",
                     "--catalyst.services.pattern.url=" + remote, "--catalyst.services.technical.url=" + remote,
                     "--catalyst.services.risk.url=" + remote, "--catalyst.services.trading.url=" + remote))) {
            analysis.awaitHealth("healthy", ofSeconds(300));
            workflow.awaitHealth("healthy", ofSeconds(300));

            JsonNode health = json.readTree(analysis.get("/health").body());
            assertThat(health.get("mode").asText()).isEqualTo("split");
            assertThat(health.get("service").asText()).isEqualTo("pattern,technical,risk,trading");
            // the workflow is not served by the analysis process: its routes are not loaded there
            assertThat(analysis.post("/api/v1/workflow/cycles", "").statusCode()).isEqualTo(404);

            var response = workflow.post("/api/v1/workflow/cycles", "");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode cycle = json.readTree(response.body());
            assertThat(cycle.get("status").asText()).as(response.body()).isEqualTo("completed");
            assertThat(cycle.get("placed").asInt()).isPositive();

            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db, TestDatabases.USER, ""));
            String id = cycle.get("cycle_id").asText();
            assertThat(jdbc.queryForObject("select status from trading_cycles where cycle_id = ?", String.class, id)).isEqualTo("completed");
            assertThat(jdbc.queryForObject("select count(*) from orders where cycle_id = ? and status = 'filled'", Integer.class, id))
                    .isEqualTo(cycle.get("placed").asInt());
            assertThat(jdbc.queryForObject("select count(*) from technical_indicators where cycle_id = ?", Integer.class, id)).isPositive();
            // the trading process placed them: its account shows the spent cash, the front process has no trading API
            assertThat(analysis.get("/api/v1/trading/account").body()).contains("\"paper\":true");
            assertThat(workflow.get("/api/v1/trading/account").statusCode()).isEqualTo(404);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
