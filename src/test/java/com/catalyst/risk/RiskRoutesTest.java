package com.catalyst.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.risk.RiskCheckDesk;
import com.catalyst.risk.RiskDesk;
import com.catalyst.risk.RiskLimitsBook;
import com.catalyst.market.MarketDataPort;
import com.catalyst.notify.Notifications;
import com.catalyst.routing.RequestDefaults;
import com.catalyst.testsupport.SteppedTradingClock;
import com.catalyst.testsupport.YamlRouteTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The risk bundle's routes (routes/risk.camel.yaml) with the record behind {@code mock:sql} and the real RiskDesk over the
 * configured limits: a cycle's proposals are judged against the portfolio the record gives, each decision is recorded
 * before the answer leaves (a record that fails fails the answer), the kill switch is recorded and notified once a day,
 * and a malformed request is refused with a 400 naming the field before anything is read or written.
 */
class RiskRoutesTest extends YamlRouteTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final String CYCLE = "20261207-004";

    private final SteppedTradingClock clock = new SteppedTradingClock(DAY, SteppedTradingClock.at(DAY, 11, 0));
    private final MarketDataPort market = mock(MarketDataPort.class);
    private final Notifications notifications = mock(Notifications.class);
    /** What the record says: today's realized P&L, and how many rows the kill switch's insert wrote. */
    private BigDecimal realizedToday = BigDecimal.ZERO;
    private int killSwitchRowsWritten = 1;
    private RuntimeException decisionsInsertFails;

    @Override
    protected List<String> routeFiles() {
        return List.of("risk.camel.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        CycleDesk cycles = new CycleDesk(clock, PROPS, JSON);
        // the configured limits, no run-time change on record (an empty risk_limit_changes)
        RiskLimitsBook limits = new RiskLimitsBook(PROPS.risk().limits(),
                () -> new SessionTime(clock.isMarketOpen(), clock.minutesSinceOpen(), clock.minutesToClose()), mock(JdbcTemplate.class), JSON);
        registry.bind("riskLimitsBook", limits);
        registry.bind("riskDesk", new RiskDesk(limits, PROPS, JSON, clock, market));
        registry.bind("requestDefaults", new RequestDefaults(clock, market, PROPS, cycles, JSON));
        registry.bind("riskCheckDesk", mock(RiskCheckDesk.class));
        registry.bind("notifications", notifications);
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        replaceRecordAndCache();
        getMockEndpoint(SQL).whenAnyExchangeReceived(this::record);
        startRoutes();
    }

    private void record(Exchange exchange) {
        String statement = exchange.getProperty(STATEMENT, String.class);
        if (statement.contains("as realized_today from positions")) {
            answerSql(exchange, realizedToday);
        } else if (statement.startsWith("select o.client_order_id")) {
            answerSql(exchange, List.of());
        } else if (statement.contains("as open_symbols from positions")) {
            answerSql(exchange, List.of(Map.of("realized_total", BigDecimal.ZERO, "unrealized_total", BigDecimal.ZERO,
                    "exposure", BigDecimal.ZERO, "open_count", 0, "open_symbols", "")));
        } else if (statement.startsWith("insert into risk_decisions") && decisionsInsertFails != null) {
            throw decisionsInsertFails;
        } else if (statement.startsWith("insert into risk_events")) {
            answerSql(exchange, killSwitchRowsWritten);
        } else {
            answerSql(exchange, 1);
        }
    }

    private static String request(String... symbols) throws Exception {
        List<Map<String, Object>> proposals = java.util.Arrays.stream(symbols).map(s -> Map.<String, Object>of("symbol", s, "side", "long",
                "entry_price", new BigDecimal("20.00"), "atr", 0.4, "pattern_type", "bull_flag", "score", 70.0)).toList();
        return JSON.writeValueAsString(Map.of("cycle_id", CYCLE, "size_multiplier", 1.0, "proposals", proposals));
    }

    private JsonNode evaluate(String body) throws Exception {
        return JSON.readTree(template.requestBody("direct:risk-evaluate", body, String.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aProposalIsJudgedAgainstTheRecordAndItsDecisionRecordedBeforeTheAnswer() throws Exception {
        JsonNode answer = evaluate(request("AAA"));

        // today's P&L, the working entries and the portfolio are read first; the decision is written last
        assertThat(statements()).hasSize(4);
        assertThat(statements().get(0)).contains("as realized_today from positions");
        assertThat(statements().get(1)).startsWith("select o.client_order_id");
        assertThat(statements().get(2)).contains("as open_symbols from positions");
        assertThat(statements().get(3)).startsWith("insert into risk_decisions");
        JsonNode decision = answer.get("decisions").get(0);
        assertThat(decision.get("symbol").asText()).isEqualTo("AAA");
        assertThat(decision.get("verdict").asText()).isIn("approved", "resized");
        // the row written is the decision answered
        List<?> rows = getMockEndpoint(SQL).getExchanges().get(3).getMessage().getBody(List.class);
        assertThat(rows).singleElement().satisfies(row -> assertThat((Map<Object, Object>) row)
                .containsEntry("cycle_id", CYCLE).containsEntry("symbol", "AAA").containsEntry("verdict", decision.get("verdict").asText())
                .containsEntry("approved_quantity", decision.get("approved_quantity").asInt()));
        verify(notifications, never()).killSwitch(any());
    }

    @Test
    void noDecisionLeavesUnrecorded() throws Exception {
        decisionsInsertFails = new IllegalStateException("database went away");

        Exchange answer = template.send("direct:risk-evaluate", e -> e.getMessage().setBody(request("AAA")));

        assertThat(answer.getException()).hasMessage("database went away");
        assertThat(answer.getMessage().getBody()).isNotInstanceOf(String.class);
    }

    @Test
    void aCycleWithoutProposalsRecordsNoDecision() throws Exception {
        JsonNode answer = evaluate(request());

        assertThat(answer.get("decisions")).isEmpty();
        assertThat(statements()).noneMatch(s -> s.startsWith("insert into risk_decisions") || s.startsWith("insert into risk_events"));
    }

    @Test
    void theKillSwitchIsRecordedWithTheDecisionsAndNotifiedOnItsFirstTripOfTheDayOnly() throws Exception {
        realizedToday = PROPS.risk().maxDailyLoss().negate().subtract(BigDecimal.ONE);

        JsonNode first = evaluate(request("AAA"));
        killSwitchRowsWritten = 0; // the day's row exists: the insert writes nothing
        evaluate(request("BBB"));

        assertThat(first.get("decisions").get(0).get("verdict").asText()).isEqualTo("rejected");
        AtomicInteger events = new AtomicInteger();
        statements().forEach(s -> {
            if (s.startsWith("insert into risk_events")) {
                events.incrementAndGet();
            }
        });
        assertThat(events).hasValue(2);
        assertThat(statements()).filteredOn(s -> s.startsWith("insert into risk_decisions")).hasSize(2);
        verify(notifications, times(1)).killSwitch(any());
    }

    @Test
    void aMalformedRequestIsRefusedNamingTheFieldBeforeTheRecordIsRead() throws Exception {
        String body = JSON.writeValueAsString(Map.of("cycle_id", CYCLE, "size_multiplier", 0, "proposals", List.of()));

        Exchange answer = template.send("direct:risk-api-evaluate", e -> e.getMessage().setBody(body));

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(answer.getMessage().getBody(String.class)).contains("size_multiplier");
        assertThat(statements()).isEmpty();
    }
}
