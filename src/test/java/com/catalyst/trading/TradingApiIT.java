package com.catalyst.trading;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trader's trading API on the real PostgreSQL: a manual paper order goes through risk and the crash-only order
 * path, once per idempotency key; a refused one and a malformed one never reach the broker; a position is closed
 * through the exit path, and flatten closes them all, with the broker's book matching the record after each step.
 */
@CatalystIntegrationTest
class TradingApiIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BrokerPort broker;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void manualOrdersClosesAndFlattenGoThroughRiskAndTheOrderPath() throws Exception {
        // the securities master is loaded by a start-up route: wait for it
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 3);
        List<String> symbols = jdbc.queryForList("select symbol from securities s where symbol ~ '^[A-Z]+$' order by symbol limit 3", String.class);
        String first = symbols.get(0);

        HttpResponse<String> placed = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"idempotency_key\":\"trader-1\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        JsonNode order = json.readTree(placed.body());
        assertThat(order.get("status").asText()).isEqualTo("filled");
        String clientOrderId = order.get("client_order_id").asText();
        assertThat(clientOrderId).isEqualTo(com.catalyst.trading.ManualOrderDesk.clientOrderId("trader-1"));
        // the state machine's record: recorded before the broker call, then the broker's answer
        assertThat(jdbc.queryForList("select coalesce(from_status, '-') || '>' || to_status from order_events where client_order_id = ? order by event_id",
                String.class, clientOrderId)).containsExactly("->pending_submit", "pending_submit>filled");

        // the same key again is the same order: no second broker order, no second position
        HttpResponse<String> replay = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"idempotency_key\":\"trader-1\"}");
        assertThat(json.readTree(replay.body()).get("client_order_id").asText()).isEqualTo(clientOrderId);
        assertThat(count("orders")).isEqualTo(1);
        assertThat(broker.positions()).hasSize(1);

        // the same key with another body is a 409 naming the key and what differs; nothing is sent, the order stands
        HttpResponse<String> reused = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"quantity\":3,"
                + "\"idempotency_key\":\"trader-1\"}");
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
        JsonNode conflict = json.readTree(reused.body());
        assertThat(conflict.get("error").asText()).contains("idempotency key 'trader-1'").contains("quantity").contains("new idempotency key");
        assertThat(conflict.get("idempotency_key").asText()).isEqualTo("trader-1");
        assertThat(conflict.get("client_order_id").asText()).isEqualTo(clientOrderId);
        HttpResponse<String> otherSymbol = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + symbols.get(1) + "\",\"side\":\"buy\"}",
                "trader-1");
        assertThat(otherSymbol.statusCode()).as(otherSymbol.body()).isEqualTo(409);
        assertThat(count("orders")).isEqualTo(1);
        assertThat(broker.positions()).hasSize(1);
        // the key in the header names the same order as in the body; the same request still returns it
        HttpResponse<String> viaHeader = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\"}", "trader-1");
        assertThat(viaHeader.statusCode()).as(viaHeader.body()).isEqualTo(200);
        assertThat(json.readTree(viaHeader.body()).get("client_order_id").asText()).isEqualTo(clientOrderId);

        // risk refuses a second position in the same symbol: 422 with the reason, nothing sent
        HttpResponse<String> refused = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"idempotency_key\":\"trader-2\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("error").asText()).contains("already open");
        assertThat(broker.findByClientOrderId(com.catalyst.trading.ManualOrderDesk.clientOrderId("trader-2"))).isEmpty();
        assertThat(count("orders")).isEqualTo(1);

        // bad input: a 400 naming the field, nothing recorded or sent
        assertField(send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"quantity\":0}"), "quantity");
        assertField(send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"sell\"}"), "side");
        // shorts are off here (catalyst.trading.allow-short): a short is a 400 naming the setting, to order or to check
        for (String path : List.of("/api/v1/trading/orders", "/api/v1/risk/check")) {
            HttpResponse<String> shortOff = send("POST", path, "{\"symbol\":\"" + symbols.get(1) + "\",\"side\":\"short\",\"quantity\":5}");
            assertField(shortOff, "side");
            assertThat(json.readTree(shortOff.body()).get("error").asText()).contains("catalyst.trading.allow-short");
        }
        assertField(send("POST", "/api/v1/trading/orders", "{\"symbol\":\"NOSUCH\",\"side\":\"buy\"}"), "symbol");
        assertField(send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"idempotency_key\":\"no spaces\"}"), "idempotency_key");
        assertThat(count("orders")).isEqualTo(1);

        // close one position through the exit path; a second close finds nothing
        HttpResponse<String> closed = send("DELETE", "/api/v1/trading/positions/" + first, null);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json.readTree(closed.body()).get("outcomes").get(0).get("status").asText()).isEqualTo("filled");
        assertThat(jdbc.queryForObject("select realized_pnl from positions where status = 'closed'", java.math.BigDecimal.class)).isNotNull();
        assertThat(broker.positions()).isEmpty();
        assertThat(send("DELETE", "/api/v1/trading/positions/" + first, null).statusCode()).isEqualTo(404);

        // two more, then flatten closes both
        for (int i = 1; i <= 2; i++) {
            HttpResponse<String> another = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + symbols.get(i) + "\",\"side\":\"buy\",\"quantity\":10}");
            assertThat(another.statusCode()).as(another.body()).isEqualTo(200);
        }
        assertThat(broker.positions()).hasSize(2);
        HttpResponse<String> flattened = send("POST", "/api/v1/trading/flatten", "");
        assertThat(flattened.statusCode()).as(flattened.body()).isEqualTo(200);
        assertThat(json.readTree(flattened.body()).get("outcomes")).hasSize(2);
        assertThat(count("positions where status = 'open'")).isZero();
        assertThat(broker.positions()).isEmpty();

        // a market order is sized at the market's last price: an entry_price the client makes up changes nothing
        // (judged at 0.50 it was under the minimum price and refused)
        HttpResponse<String> lowball = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + first + "\",\"side\":\"buy\",\"entry_price\":0.5,"
                + "\"idempotency_key\":\"trader-lowball\"}");
        assertThat(lowball.statusCode()).as(lowball.body()).isEqualTo(200);
        java.math.BigDecimal judgedAt = jdbc.queryForObject("select d.entry_price from risk_decisions d order by d.decision_id desc limit 1",
                java.math.BigDecimal.class);
        java.math.BigDecimal firstJudgedAt = jdbc.queryForObject("select d.entry_price from risk_decisions d order by d.decision_id limit 1",
                java.math.BigDecimal.class);
        assertThat(judgedAt).isGreaterThan(java.math.BigDecimal.ONE);
        assertThat(judgedAt).isEqualByComparingTo(firstJudgedAt);

        JsonNode account = json.readTree(send("GET", "/api/v1/trading/account", null).body());
        assertThat(account.get("paper").asBoolean()).isTrue();
        assertThat(account.get("cash").decimalValue()).isPositive();
    }

    private int count(String fromWhere) {
        return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class);
    }

    private void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, null);
    }

    private HttpResponse<String> send(String method, String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
