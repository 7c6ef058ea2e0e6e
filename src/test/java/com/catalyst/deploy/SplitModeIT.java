package com.catalyst.deploy;

import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar as two processes: workflow, scanner, news, reporting, risk and the gateway in one; pattern, technical
 * and trading in the other. The workflow reaches the second process over HTTP through the endpoint URIs taken from
 * configuration, and a cycle completes across both, recorded in the one PostgreSQL. The gateway's tools reach the
 * trading and technical bundles over HTTP too (the official MCP Java SDK client drives it), and a trader's manual
 * order in the trading process is judged by the risk bundle in the other one, with a service token.
 */
class SplitModeIT {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCycleCompletesAcrossTwoProcesses() throws Exception {
        String db = TestDatabases.fresh("catalyst_it_split");
        int front = TestPorts.free();
        int back = TestPorts.free();
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_split",
                "CATALYST_SERVICE_TOKEN_SECRET", "split-mode-it-secret-0123456789abcdef");
        String[] common = {"--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0"};
        String remote = "http://127.0.0.1:" + back;
        try (CatalystProcess analysis = CatalystProcess.start("back", back, env, concat(common,
                     "--catalyst.bundles=pattern,technical,trading", "--catalyst.services.risk.url=http://127.0.0.1:" + front));
             CatalystProcess workflow = CatalystProcess.start("front", front, env, concat(common,
                     "--catalyst.bundles=orchestration,workflow,scanner,news,reporting,risk",
                     "--catalyst.services.pattern.url=" + remote, "--catalyst.services.technical.url=" + remote,
                     "--catalyst.services.trading.url=" + remote))) {
            analysis.awaitHealth("healthy", ofSeconds(300));
            workflow.awaitHealth("healthy", ofSeconds(300));

            JsonNode health = json.readTree(analysis.get("/health").body());
            assertThat(health.get("mode").asText()).isEqualTo("split");
            assertThat(health.get("service").asText()).isEqualTo("pattern,technical,trading");
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

            // a trader's order in the trading process: risk, in the front process, judges it (a signed call)
            String held = jdbc.queryForObject("select s.symbol from positions p join securities s using (security_id) where p.status = 'open'"
                    + " order by p.position_id limit 1", String.class);
            String other = jdbc.queryForObject("select symbol from securities where symbol not in (select s.symbol from positions p join"
                    + " securities s using (security_id) where p.status = 'open') and symbol in (select symbol from scan_results sr join securities"
                    + " using (security_id) where sr.cycle_id = ?) order by symbol limit 1", String.class, id);
            var manual = analysis.post("/api/v1/trading/orders", "{\"symbol\":\"" + other + "\",\"side\":\"buy\",\"idempotency_key\":\"split-1\"}");
            assertThat(manual.statusCode()).as(manual.body()).isIn(200, 422);
            assertThat(jdbc.queryForObject("select count(*) from risk_decisions where cycle_id is null", Integer.class)).isEqualTo(1);

            // the gateway in the front process reaches trading and technical in the other one, and risk beside it
            try (McpSyncClient mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + front).endpoint("/mcp")
                    .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper())).build()).requestTimeout(ofSeconds(60)).build()) {
                mcp.initialize();
                Map<String, Object> positions = call(mcp, "get_positions", Map.of());
                assertThat(((Number) positions.get("count")).intValue()).isEqualTo(
                        jdbc.queryForObject("select count(*) from positions where status = 'open'", Integer.class));
                Map<String, Object> analysed = call(mcp, "analyze_symbol", Map.of("symbol", held));
                assertThat(analysed.get("technical")).isNotNull();

                Map<String, Object> changed = call(mcp, "update_risk_parameters", Map.of("max_open_positions", 7, "reason", "split-mode test"));
                assertThat(((Map<?, ?>) changed.get("in_force")).get("max_open_positions")).isEqualTo(7);
                assertThat(json.readTree(workflow.get("/api/v1/risk/limits").body()).at("/in_force/max_open_positions").asInt()).isEqualTo(7);
                assertThat(((Map<?, ?>) call(mcp, "get_risk_metrics", Map.of()).get("limits")).get("max_open_positions")).isEqualTo(7);

                Map<String, Object> closed = call(mcp, "close_position", Map.of("symbol", held));
                assertThat(((Map<?, ?>) closed.get("order")).get("status")).as(closed.toString()).isEqualTo("filled");
                assertThat(jdbc.queryForObject("select p.close_reason from positions p join securities s using (security_id) where s.symbol = ?"
                        + " order by p.position_id desc limit 1", String.class, held)).isEqualTo("manual_close");

                // a backtest runs where the workflow runs, through every bundle's backtest route, the pattern, technical
                // and trading ones included although that process serves those bundles live elsewhere
                Map<String, Object> started = call(mcp, "start_backtest", Map.of("strategy", "ema-cross", "symbols", "SPY",
                        "from", "2011-03-01", "to", "2011-03-04"));
                Object runId = started.get("run_id");
                Map<String, Object> run = Map.of();
                for (int i = 0; i < 120 && !"completed".equals(run.get("status")) && !"failed".equals(run.get("status")); i++) {
                    Thread.sleep(i == 0 ? 200 : 1000); // a trader's pace: the gateway's rate limit answers 429 to a tight loop
                    @SuppressWarnings("unchecked")
                    Map<String, Object> answer = (Map<String, Object>) call(mcp, "get_backtest", Map.of("run_id", runId)).get("backtest");
                    run = answer;
                }
                assertThat(run.get("status")).as(run.toString()).isEqualTo("completed");
                long cycles = ((Number) ((Map<?, ?>) run.get("result")).get("cycles")).longValue();
                assertThat(cycles).isEqualTo(4 * 390);
                var frontMetrics = com.catalyst.ops.PrometheusScrape.of("http://127.0.0.1:" + front);
                var backMetrics = com.catalyst.ops.PrometheusScrape.of("http://127.0.0.1:" + back);
                for (String route : com.catalyst.backtest.BacktestRoutesHarness.CYCLE_ROUTES) {
                    assertThat(frontMetrics.value("camel_exchanges_total", "routeId=\"" + route + "\"")).as(route).isEqualTo((double) cycles);
                }
                assertThat(backMetrics.value("camel_exchanges_total", "routeId=\"pattern-backtest-analyze\"")).isZero();
            }
        }
    }

    private Map<String, Object> call(McpSyncClient mcp, String tool, Map<String, Object> args) {
        CallToolResult result = mcp.callTool(new CallToolRequest(tool, args));
        assertThat(result.isError()).as(tool + ": " + result.content()).isNotEqualTo(Boolean.TRUE);
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        return structured;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
