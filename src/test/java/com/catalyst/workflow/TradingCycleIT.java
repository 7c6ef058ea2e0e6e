package com.catalyst.workflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A full cycle on the seeded simulated market, on the real PostgreSQL and Redis: the record holds the completed
 * cycle, its scan, news, risk decisions, orders, fills, positions and reports; Redis holds the cycle state and saw
 * the position updates; the REST API answers and refuses bad input with a 400 naming the field.
 */
@CatalystIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "catalyst.workflow.interval=1s"})
class TradingCycleIT {

    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisConnectionFactory redisFactory;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Each test starts from an empty record (the securities master stays), so neither depends on the other's trades. */
    @org.junit.jupiter.api.BeforeEach
    void emptyRecord() {
        jdbc.execute("truncate trading_cycles, scan_results, pattern_analysis, technical_indicators, news_sentiment, risk_decisions,"
                + " risk_events, orders, fills, positions, performance_daily, cycle_reports restart identity cascade");
    }
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCycleRecordsEveryDecisionAndPlacesPaperOrders() throws Exception {
        List<String> positionUpdates = new CopyOnWriteArrayList<>();
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(redisFactory);
        listener.addMessageListener((message, pattern) -> positionUpdates.add(new String(message.getBody())), new ChannelTopic("catalyst:positions"));
        listener.afterPropertiesSet();
        listener.start();
        try {
            CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);

            assertThat(summary.status()).isEqualTo("completed");
            assertThat(summary.cycleId()).matches("20260106-\\d{3}");
            assertThat(summary.scanned()).isEqualTo(500);
            assertThat(summary.candidates()).isEqualTo(100);
            assertThat(summary.afterNews()).isEqualTo(35);
            assertThat(summary.afterPattern()).isBetween(1, 20);
            assertThat(summary.picked()).isBetween(1, 5);
            assertThat(summary.placed()).isPositive();
            assertThat(summary.newsStatus()).isEqualTo("ok");

            String id = summary.cycleId();
            Map<String, Object> cycle = jdbc.queryForMap("select * from trading_cycles where cycle_id = ?", id);
            assertThat(cycle.get("status")).isEqualTo("completed");
            assertThat(cycle.get("stopped_at")).isNotNull();
            assertThat(((Number) cycle.get("orders_placed")).intValue()).isEqualTo((int) summary.placed());
            assertThat(cycle.get("step_timings").toString()).contains("scan", "news", "pattern", "technical", "risk", "trade");
            assertThat(count("scan_results where cycle_id = ?", id)).isEqualTo(100);
            assertThat(count("scan_results where cycle_id = ? and rank = 1", id)).isEqualTo(1);
            assertThat(count("news_sentiment where cycle_id = ?", id)).isPositive();
            assertThat(count("pattern_analysis where cycle_id = ?", id)).isGreaterThanOrEqualTo(summary.afterPattern());
            assertThat(count("technical_indicators where cycle_id = ?", id)).isPositive();
            assertThat(count("risk_decisions where cycle_id = ?", id)).isEqualTo(summary.picked());
            assertThat(count("orders where cycle_id = ? and status = 'filled' and decision_id is not null", id)).isEqualTo(summary.placed());
            assertThat(count("fills f join orders o using (order_id) where o.cycle_id = ?", id)).isEqualTo(summary.placed());
            assertThat(count("positions where cycle_id = ? and status = 'open'", id)).isEqualTo(summary.placed());
            // every order's client id derives from the cycle and the decision
            assertThat(jdbc.queryForList("select client_order_id from orders where cycle_id = ?", String.class, id))
                    .allMatch(c -> c.startsWith("CAT-" + id + "-") && c.endsWith("-buy"));

            // reporting is a wire tap: give it a moment
            NotifyBuilder reported = new NotifyBuilder(camel).fromRoute("workflow-report").whenDone(1).create();
            reported.matches(10, TimeUnit.SECONDS);
            awaitCount("cycle_reports where cycle_id = ?", id);
            assertThat(count("performance_daily where last_cycle_id = ?", id)).isEqualTo(1);

            assertThat(redis.opsForValue().get("catalyst:cycle:current")).contains(id);
            awaitTrue(() -> positionUpdates.size() >= summary.placed());
            assertThat(positionUpdates).allMatch(m -> m.contains("position_opened"));

            // a second cycle gets the next number and does not re-open what is held
            CycleSummary second = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
            assertThat(second.cycleId()).isEqualTo(id.substring(0, 9) + String.format("%03d", Integer.parseInt(id.substring(9)) + 1));
            assertThat(count("positions where status = 'open'", null)).isLessThanOrEqualTo(5);
        } finally {
            listener.stop();
            listener.destroy();
        }
    }

    @Test
    void everyLogLineOfACycleCarriesItsId(org.springframework.boot.test.system.CapturedOutput output) {
        CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        String log = output.getAll();
        String id = summary.cycleId();
        int start = log.indexOf("Cycle started");
        int end = log.indexOf("\n", log.indexOf("Cycle completed", start));
        List<String> lines = log.substring(log.lastIndexOf("\n", start) + 1, end).lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("[cycle=" + id + "]"));
    }

    @Test
    void theRestApiServesTheRecordAndNamesBadFields() throws Exception {
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(uri("/api/v1/workflow/cycles"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(200);
        JsonNode cycle = json.readTree(run.body());
        assertThat(cycle.get("status").asText()).isEqualTo("completed");
        assertThat(run.headers().firstValue("User-Agent")).isEmpty();

        JsonNode candidates = json.readTree(get("/api/v1/scanner/candidates?limit=5").body());
        assertThat(candidates).hasSize(5);
        assertThat(candidates.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(candidates.get(0).has("momentum_score")).isTrue();

        JsonNode history = json.readTree(get("/api/v1/workflow/cycles?limit=1").body());
        assertThat(history.get(0).get("cycle_id").asText()).isEqualTo(cycle.get("cycle_id").asText());
        assertThat(get("/api/v1/trading/positions").statusCode()).isEqualTo(200);
        assertThat(json.readTree(get("/api/v1/trading/account").body()).get("paper").asBoolean()).isTrue();

        HttpResponse<String> badLimit = get("/api/v1/trading/orders?limit=abc");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badLimit.body()).get("field").asText()).isEqualTo("limit");
        HttpResponse<String> badSymbol = get("/api/v1/news/not%20a%20symbol");
        assertThat(badSymbol.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badSymbol.body()).get("field").asText()).isEqualTo("symbol");
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(uri("/api/v1/scanner/scan"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"limit\": \"many\"")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("at com.").doesNotContain("Exception:");
        HttpResponse<String> badType = http.send(HttpRequest.newBuilder(uri("/api/v1/scanner/scan"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"limit\": \"many\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badType.body()).get("field").asText()).isEqualTo("limit");

        JsonNode health = json.readTree(get("/health").body());
        assertThat(health.get("status").asText()).isEqualTo("healthy");
        assertThat(health.get("bundles")).hasSize(9);
        for (String field : List.of("service", "version", "schema", "timestamp", "database", "redis")) {
            assertThat(health.has(field)).as(field).isTrue();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private int count(String fromWhere, String arg) {
        String sql = "select count(*) from " + fromWhere;
        return arg == null ? jdbc.queryForObject(sql, Integer.class) : jdbc.queryForObject(sql, Integer.class, arg);
    }

    private void awaitCount(String fromWhere, String arg) throws InterruptedException {
        awaitTrue(() -> count(fromWhere, arg) > 0);
        assertThat(count(fromWhere, arg)).isEqualTo(1);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        await().atMost(10, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS).until(condition::getAsBoolean);
    }
}
