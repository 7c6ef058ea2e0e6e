package com.catalyst.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.MutableClock;
import com.catalyst.market.clock.SimulatedClock;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort;
import com.catalyst.trading.BrokerUnavailableException;
import com.catalyst.trading.OrderRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each notification hook fires when its condition really happens, seen at the generic webhook (WireMock), in one
 * Spring context on the real PostgreSQL with the paper broker on the simulated market and a session clock the test
 * steps: a position closed by hand is one exit_filled with its P&L; one closed by its bracket's stop is one stop_hit;
 * a reconciliation that fails is one reconciliation_failed until a run succeeds, one that repairs is one
 * reconciliation_repaired; the broker failing until the circuit breaker of routes/trading.camel.yaml opens is one
 * broker_circuit_open; the day's losses past the daily loss limit are one kill_switch_tripped however often risk
 * refuses; the session's end is one daily_report with its link. The phases run in order on the same record; the last
 * one counts every event the webhook got. (market_data_stale needs a live feed: AlpacaLiveMarketIT.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.notify.webhook.rate=1000",
        "catalyst.notify.report-base-url=https://catalyst.example.test/"})
class NotificationHooksIT {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);
    // the wall clock under the simulated session, at speed 1: the test moves the session by moving it
    static final MutableClock WALL = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    static final WireMockServer HOOK = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** While set, every order sent to the broker fails as an unreachable broker's does (BrokerUnavailableException). */
    static final AtomicBoolean BROKER_DOWN = new AtomicBoolean();

    static {
        HOOK.start();
        HOOK.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @TestConfiguration
    static class SteppedSessionAndBreakableBroker {
        @Bean
        @Primary
        TradingClock steppedTradingClock() {
            return new SimulatedClock(WALL, DAY, LocalTime.of(11, 0), 1);
        }

        /** The paper broker itself, unless BROKER_DOWN: then its submit fails as the Alpaca adapter's does after its retries. */
        @Bean
        @Primary
        BrokerPort breakableBroker(@Qualifier("brokerPort") BrokerPort paper) {
            return new BrokerPort() {
                @Override
                public BrokerOrder submit(OrderRequest order) {
                    if (BROKER_DOWN.get()) {
                        throw new BrokerUnavailableException("broker unavailable after 2 attempts: HTTP 503", null);
                    }
                    return paper.submit(order);
                }

                @Override
                public Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
                    return paper.findByClientOrderId(clientOrderId);
                }

                @Override
                public Optional<BrokerOrder> cancel(String clientOrderId) {
                    return paper.cancel(clientOrderId);
                }

                @Override
                public List<BrokerOrder> openOrders() {
                    return paper.openOrders();
                }

                @Override
                public List<BrokerPosition> positions() {
                    return paper.positions();
                }

                @Override
                public Account account() {
                    return paper.account();
                }
            };
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("catalyst.notify.webhook.url", () -> HOOK.baseUrl() + "/hook");
    }

    @AfterAll
    static void stop() {
        HOOK.stop();
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MarketDataPort market;
    @Autowired
    TradingClock clock;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    CamelContext camel;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private static List<String> tradable;

    @Test
    @Order(1)
    void aPositionClosedByHandIsOneExitFilledWithItsPnl() throws Exception {
        // the securities master is loaded by a start-up route
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 50);
        String symbol = tradable().get(0);
        JsonNode entry = order(symbol, 20, "hooks-exit");
        assertThat(entry.get("status").asText()).as(entry.toString()).isEqualTo("filled");

        HttpResponse<String> closed = send("DELETE", "/api/v1/trading/positions/" + symbol, null);

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        var position = jdbc.queryForMap("select p.position_id, p.status, p.realized_pnl, p.close_reason from positions p"
                + " join securities s using (security_id) where s.symbol = ?", symbol);
        assertThat(position.get("status")).isEqualTo("closed");
        String exitId = jdbc.queryForObject("select client_order_id from orders where position_id = ? and side = 'sell' and leg is null",
                String.class, position.get("position_id"));
        JsonNode exit = awaitEvent("exit_filled", symbol);
        assertThat(exit.path("details").path("client_order_id").asText()).isEqualTo(exitId);
        assertThat(exit.path("details").path("side").asText()).isEqualTo("sell");
        assertThat(exit.path("details").path("quantity").asInt()).isEqualTo(20);
        assertThat(exit.path("details").path("price").decimalValue()).isPositive();
        assertThat(exit.path("details").path("realized_pnl").decimalValue()).isEqualByComparingTo((BigDecimal) position.get("realized_pnl"));
        assertThat(exit.path("details").path("position").asText()).isEqualTo("closed");
        assertThat(events("entry_filled")).extracting(e -> e.path("symbol").asText()).contains(symbol);
    }

    @Test
    @Order(2)
    void aPositionClosedByItsStopIsOneStopHit() throws Exception {
        // a symbol whose price falls 1 % below its 11:00 price later in the session: the bracket's stop sits there
        String symbol = null;
        BigDecimal stop = null;
        Bar through = null;
        for (String candidate : tradable().subList(1, tradable().size())) {
            List<Bar> bars = market.intradayBars(candidate, DAY, at(15, 0));
            BigDecimal level = BigDecimal.valueOf(market.lastPrice(candidate, DAY, at(11, 0)) * 0.99).setScale(2, RoundingMode.DOWN);
            Optional<Bar> below = bars.stream().filter(b -> b.time().isAfter(at(11, 5)) && b.close() < level.doubleValue()).findFirst();
            if (below.isPresent()) {
                symbol = candidate;
                stop = level;
                through = below.get();
                break;
            }
        }
        assertThat(symbol).as("a symbol falling 1 % after 11:00").isNotNull();
        JsonNode entry = order(symbol, 20, "hooks-stop", ",\"stop_price\":" + stop);
        assertThat(entry.get("status").asText()).as(entry.toString()).isEqualTo("filled");
        String entryId = entry.get("client_order_id").asText();

        // the session reaches the bar that closes under the stop; the cycle's exit step follows the broker's orders
        step(through.time());
        producer.requestBody("direct:trading-manage", "null", String.class);

        var position = jdbc.queryForMap("select p.status, p.close_reason, p.realized_pnl from positions p join orders o using (position_id)"
                + " where o.client_order_id = ?", entryId);
        assertThat(position.get("close_reason")).isEqualTo("stop_loss");
        assertThat((BigDecimal) position.get("realized_pnl")).isNegative();
        JsonNode hit = awaitEvent("stop_hit", symbol);
        assertThat(hit.path("details").path("client_order_id").asText()).isEqualTo(entryId + "-SL");
        assertThat(hit.path("details").path("side").asText()).isEqualTo("sell");
        assertThat(hit.path("details").path("quantity").asInt()).isEqualTo(20);
        assertThat(hit.path("details").path("realized_pnl").decimalValue()).isEqualByComparingTo((BigDecimal) position.get("realized_pnl"));
        assertThat(hit.path("details").path("position").asText()).isEqualTo("closed");
        // the next exit step finds nothing new to record
        producer.requestBody("direct:trading-manage", "null", String.class);
    }

    @Test
    @Order(3)
    void aFailedReconciliationIsOneEventUntilARunSucceedsAndARepairIsOne() throws Exception {
        // the reconciliation timer's own route, its timer swapped for an endpoint the test sends to
        AdviceWith.adviceWith(camel, "trading-reconcile-timer", a -> a.replaceFromWith("direct:hooks-reconcile"));
        List<String> fresh = fresh(2);
        // an order filled on record whose fill never came, and which the broker does not know: a human must look
        jdbc.update("insert into orders (order_id, client_order_id, security_id, side, order_type, quantity, filled_qty, status, created_at)"
                + " values (gen_random_uuid(), 'CAT-HOOKS-LOST', get_or_create_security(?), 'buy', 'market', 5, 5, 'filled',"
                + " now() - interval '1 hour')", fresh.get(0));

        reconcile();
        reconcile();

        JsonNode failed = awaitEvent("reconciliation_failed", null);
        assertThat(failed.path("details").path("reason").asText()).contains("CAT-HOOKS-LOST").contains("unknown to the broker");

        // the order is settled by hand; the record holds a position the broker does not: the next run repairs it
        jdbc.update("update orders set status = 'canceled', filled_qty = 0 where client_order_id = 'CAT-HOOKS-LOST'");
        jdbc.update("insert into positions (security_id, side, quantity, entry_price, status, opened_at, unrealized_pnl)"
                + " values (get_or_create_security(?), 'long', 3, 10, 'open', now(), 0)", fresh.get(1));
        reconcile();
        reconcile();

        JsonNode repaired = awaitEvent("reconciliation_repaired", null);
        assertThat(repaired.path("details").path("repairs").asInt()).isEqualTo(1);
        assertThat(repaired.path("details").path("reason").asText()).contains("1 repair(s)");
        assertThat(jdbc.queryForObject("select status from positions p join securities s using (security_id) where s.symbol = ?",
                String.class, fresh.get(1))).isEqualTo("closed");
    }

    @Test
    @Order(4)
    void theBrokerFailingUntilTheCircuitBreakerOpensIsOneBrokerCircuitOpen() throws Exception {
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_open_positions\": 20}").statusCode()).isEqualTo(200);
        List<String> fresh = fresh(12);
        BROKER_DOWN.set(true);
        try {
            // each order the broker fails is recorded unknown; once half of the last calls failed the breaker opens and
            // the next order is not sent at all
            int unknown = 0;
            JsonNode unsent = null;
            for (int i = 0; i < 11 && unsent == null; i++) {
                JsonNode answer = order(fresh.get(i), 1, "hooks-down-" + i);
                if ("unknown".equals(answer.get("status").asText())) {
                    unknown++;
                } else {
                    unsent = answer;
                }
            }
            assertThat(unknown).as("orders the failing broker was asked").isPositive();
            assertThat(unsent).as("an order kept back by the open breaker").isNotNull();
            assertThat(unsent.get("reject_reason").asText()).contains("not sent: broker circuit breaker is open");
        } finally {
            BROKER_DOWN.set(false);
        }
        JsonNode open = awaitEvent("broker_circuit_open", null);
        assertThat(open.path("details").path("route").asText()).isEqualTo("trading-place-order");
        assertThat(open.path("details").path("failure_rate").asDouble()).isGreaterThanOrEqualTo(50.0);
    }

    @Test
    @Order(5)
    void theDaysLossesPastTheLimitAreOneKillSwitchTrippedHoweverOftenRiskRefuses() throws Exception {
        BigDecimal realized = jdbc.queryForObject("select sum(realized_pnl) from positions where status = 'closed'", BigDecimal.class);
        assertThat(realized).as("the stop and the round trip lost money today").isLessThan(BigDecimal.ONE.negate());
        // tightening the daily loss limit under today's losses: the next check trips the kill switch
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_daily_loss\": 1}").statusCode()).isEqualTo(200);
        String symbol = fresh(1).get(0);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> check = send("POST", "/api/v1/risk/check", "{\"symbol\":\"" + symbol + "\",\"side\":\"buy\"}");
            assertThat(json.readTree(check.body()).get("reason").asText()).as(check.body()).startsWith("kill switch");
        }

        JsonNode tripped = awaitEvent("kill_switch_tripped", null);
        assertThat(tripped.path("details").path("realized_pnl_today").decimalValue()).isEqualByComparingTo(realized);
        assertThat(tripped.path("details").has("cycle_id")).as("a REST check has no cycle").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from risk_events where event_type = 'kill_switch'", Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theSessionsEndIsOneDailyReportWithItsLinkAndEveryHookFiredOnce() throws Exception {
        // the notify-daily-report timer's own route, its timer swapped for an endpoint the test sends to
        AdviceWith.adviceWith(camel, "notify-daily-report", a -> a.replaceFromWith("direct:hooks-daily-report"));
        producer.sendBody("direct:hooks-daily-report", null);
        // past 16:00 the simulated session rolls on to the next day's
        WALL.advance(Duration.between(clock.now(), at(16, 1)));
        assertThat(clock.sessionDate()).isEqualTo(DAY.plusDays(1));
        producer.sendBody("direct:hooks-daily-report", null);
        producer.sendBody("direct:hooks-daily-report", null);

        JsonNode report = awaitEvent("daily_report", null);
        assertThat(report.path("details").path("date").asText()).isEqualTo("2026-01-06");
        String link = report.path("details").path("link").asText();
        assertThat(link).isEqualTo("https://catalyst.example.test/api/v1/reporting/daily/2026-01-06");
        HttpResponse<String> page = send("GET", link.substring(link.indexOf("/api/")), null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("2026-01-06");

        // the webhook's queue is first in, first out: the daily report came last, so every earlier event is in
        assertThat(events("exit_filled")).hasSize(1);
        assertThat(events("stop_hit")).hasSize(1);
        assertThat(events("reconciliation_failed")).hasSize(1);
        assertThat(events("reconciliation_repaired")).hasSize(1);
        assertThat(events("broker_circuit_open")).hasSize(1);
        assertThat(events("kill_switch_tripped")).hasSize(1);
        assertThat(events("daily_report")).hasSize(1);
        assertThat(events("entry_filled")).as("the two filled entries").hasSize(2);
        assertThat(events(null)).allSatisfy(e -> assertThat(Instant.parse(e.path("time").asText())).isNotNull());
    }

    private void reconcile() {
        producer.sendBody("direct:hooks-reconcile", null);
    }

    /** The events the webhook received, in order; all of them for a null name. */
    private List<JsonNode> events(String name) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (var request : HOOK.findAll(postRequestedFor(urlPathEqualTo("/hook")))) {
            JsonNode event = json.readTree(request.getBodyAsString());
            if (name == null || name.equals(event.path("event").asText())) {
                out.add(event);
            }
        }
        return out;
    }

    /** The first event of that name (and symbol, or none when null) once the webhook has it. */
    private JsonNode awaitEvent(String name, String symbol) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> events(name).stream().anyMatch(e -> matches(e, symbol)));
        JsonNode event = events(name).stream().filter(e -> matches(e, symbol)).findFirst().orElseThrow();
        assertThat(Instant.parse(event.path("time").asText())).isNotNull();
        return event;
    }

    private static boolean matches(JsonNode event, String symbol) {
        return symbol == null ? !event.has("symbol") : symbol.equals(event.path("symbol").asText());
    }

    /** Symbols priced 10 to 150 at 11:00, by name. */
    private List<String> tradable() {
        if (tradable == null) {
            tradable = jdbc.queryForList("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol", String.class).stream()
                .filter(s -> {
                    double price = market.lastPrice(s, DAY, at(11, 0));
                    return price >= 10 && price <= 150;
                }).limit(60).toList();
        }
        return tradable;
    }

    /** Symbols with no order, no position, and a price at 11:00. */
    private List<String> fresh(int count) {
        return tradable().stream().filter(s -> jdbc.queryForObject("select count(*) from securities s where s.symbol = ? and (exists"
                + " (select 1 from orders o where o.security_id = s.security_id) or exists (select 1 from positions p"
                + " where p.security_id = s.security_id))", Integer.class, s) == 0).limit(count).toList();
    }

    private JsonNode order(String symbol, int quantity, String key) throws Exception {
        return order(symbol, quantity, key, "");
    }

    private JsonNode order(String symbol, int quantity, String key, String more) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"quantity\":"
                + quantity + ",\"idempotency_key\":\"" + key + "\"" + more + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void step(Instant to) {
        WALL.advance(Duration.between(clock.now(), to));
        assertThat(clock.now()).isEqualTo(to);
    }

    private static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(TradingClock.EXCHANGE_ZONE).toInstant();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
