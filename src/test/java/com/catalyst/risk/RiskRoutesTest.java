package com.catalyst.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The risk bundle's routes (routes/risk.camel.yaml) with the record behind a mock RiskRepository and the real RiskDesk over
 * the configured limits: a cycle's proposals are judged against the portfolio the record gives, each decision is recorded
 * before the answer leaves (a record that fails fails the answer), the kill switch is recorded and notified once a day,
 * and a malformed request is refused with a 400 naming the field before anything is read or written.
 */
class RiskRoutesTest extends YamlRouteTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final String CYCLE = "20261207-004";

    private final SteppedTradingClock clock = new SteppedTradingClock(DAY, SteppedTradingClock.at(DAY, 11, 0));
    private final MarketDataPort market = mock(MarketDataPort.class);
    private final Notifications notifications = mock(Notifications.class);
    /** The record: no position, no working order, today's realized P&L as a test sets it, the kill switch's day row as it says. */
    private final RiskRepository record = mock(RiskRepository.class);
    private BigDecimal realizedToday = BigDecimal.ZERO;
    private boolean killSwitchRecordedNow = true;
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
                () -> new SessionTime(clock.isMarketOpen(), clock.minutesSinceOpen(), clock.minutesToClose()),
                mock(RiskLimitChangeRepository.class), JSON);
        registry.bind("riskLimitsBook", limits);
        registry.bind("riskDesk", new RiskDesk(limits, PROPS, JSON, clock, market));
        registry.bind("riskRepository", record);
        registry.bind("requestDefaults", new RequestDefaults(clock, market, PROPS, cycles, JSON));
        registry.bind("riskCheckDesk", mock(RiskCheckDesk.class));
        registry.bind("notifications", notifications);
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        replaceRecordAndCache();
        when(record.realizedToday(any())).thenAnswer(call -> realizedToday);
        when(record.workingOrders()).thenReturn(List.of());
        when(record.portfolio()).thenReturn(new RecordedPortfolio(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, ""));
        doAnswer(call -> {
            if (decisionsInsertFails != null) {
                throw decisionsInsertFails;
            }
            return null;
        }).when(record).recordDecisions(any());
        when(record.recordKillSwitch(any())).thenAnswer(call -> killSwitchRecordedNow);
        startRoutes();
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
    void aProposalIsJudgedAgainstTheRecordAndItsDecisionRecordedBeforeTheAnswer() throws Exception {
        JsonNode answer = evaluate(request("AAA"));

        // today's P&L (of the cycle's session day), the working entries and the portfolio are read first; the decision is written last
        InOrder order = inOrder(record);
        order.verify(record).realizedToday(DAY);
        order.verify(record).workingOrders();
        order.verify(record).portfolio();
        ArgumentCaptor<RiskResponse> recorded = ArgumentCaptor.forClass(RiskResponse.class);
        order.verify(record).recordDecisions(recorded.capture());
        JsonNode decision = answer.get("decisions").get(0);
        assertThat(decision.get("symbol").asText()).isEqualTo("AAA");
        assertThat(decision.get("verdict").asText()).isIn("approved", "resized");
        // the decision written is the decision answered
        assertThat(recorded.getValue().cycleId()).isEqualTo(CYCLE);
        assertThat(recorded.getValue().decisions()).singleElement().satisfies(d -> {
            assertThat(d.symbol()).isEqualTo("AAA");
            assertThat(d.verdict().id()).isEqualTo(decision.get("verdict").asText());
            assertThat(d.approvedQuantity()).isEqualTo(decision.get("approved_quantity").asInt());
        });
        verify(record, never()).recordKillSwitch(any());
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
        verify(record, never()).recordDecisions(any());
        verify(record, never()).recordKillSwitch(any());
    }

    @Test
    void theKillSwitchIsRecordedWithTheDecisionsAndNotifiedOnItsFirstTripOfTheDayOnly() throws Exception {
        realizedToday = PROPS.risk().maxDailyLoss().negate().subtract(BigDecimal.ONE);

        JsonNode first = evaluate(request("AAA"));
        killSwitchRecordedNow = false; // the day's row exists: the record writes nothing
        evaluate(request("BBB"));

        assertThat(first.get("decisions").get(0).get("verdict").asText()).isEqualTo("rejected");
        ArgumentCaptor<KillSwitchEvent> events = ArgumentCaptor.forClass(KillSwitchEvent.class);
        verify(record, times(2)).recordKillSwitch(events.capture());
        assertThat(events.getAllValues()).allSatisfy(event -> {
            assertThat(event.cycleId()).isEqualTo(CYCLE);
            assertThat(event.sessionDate()).isEqualTo(DAY);
            assertThat(event.message()).startsWith("kill switch tripped: realized P&L today " + realizedToday);
            assertThat(JSON.readTree(event.details()).get("max_daily_loss").decimalValue())
                    .isEqualByComparingTo(PROPS.risk().maxDailyLoss());
        });
        verify(record, times(2)).recordDecisions(any());
        verify(notifications, times(1)).killSwitch(any());
    }

    @Test
    void todaysRealizedPnlIsOfTheCyclesSessionDayOrTheClocksWithoutOneAndLeavesTheBody() {
        realizedToday = new BigDecimal("-125.50");

        Exchange ofCycle = template.send("direct:risk-realized-today", e -> {
            e.setProperty("cycleId", "20261204-017");
            e.getMessage().setBody("the request");
        });
        Exchange ofTrader = template.send("direct:risk-realized-today", e -> e.getMessage().setBody("the request"));

        verify(record).realizedToday(LocalDate.of(2026, 12, 4));
        verify(record).realizedToday(clock.sessionDate());
        assertThat(ofCycle.getProperty("realizedToday")).isEqualTo(new BigDecimal("-125.50"));
        assertThat(ofTrader.getMessage().getBody()).isEqualTo("the request");
        assertThat(ofTrader.getMessage().getHeaders()).isEmpty();
    }

    @Test
    void aMalformedRequestIsRefusedNamingTheFieldBeforeTheRecordIsRead() throws Exception {
        String body = JSON.writeValueAsString(Map.of("cycle_id", CYCLE, "size_multiplier", 0, "proposals", List.of()));

        Exchange answer = template.send("direct:risk-api-evaluate", e -> e.getMessage().setBody(body));

        assertThat(answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(answer.getMessage().getBody(String.class)).contains("size_multiplier");
        verifyNoInteractions(record);
    }
}
