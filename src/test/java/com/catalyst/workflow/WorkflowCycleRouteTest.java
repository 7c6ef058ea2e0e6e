package com.catalyst.workflow;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.health.MarketDataGuard;
import com.catalyst.news.NewsResponse;
import com.catalyst.news.SymbolCatalyst;
import com.catalyst.pattern.PatternFinding;
import com.catalyst.pattern.PatternResponse;
import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskResponse;
import com.catalyst.routing.MarketQueries;
import com.catalyst.routing.DeadLetterRepository;
import com.catalyst.routing.NewsFanOutAggregation;
import com.catalyst.routing.RequestParameters;
import com.catalyst.scanner.ScanCandidate;
import com.catalyst.scanner.ScanResponse;
import com.catalyst.technical.TechnicalReading;
import com.catalyst.technical.TechnicalResponse;
import com.catalyst.testsupport.SteppedTradingClock;
import com.catalyst.testsupport.YamlRouteTestSupport;
import com.catalyst.trading.OrderOutcome;
import com.catalyst.trading.TradeResponse;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.PositionSide;
import com.catalyst.risk.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The cycle route (routes/workflow.camel.yaml) with every bundle behind a mock: AdviceWith swaps the one bundle call
 * (workflow-call-bundle's toD) for {@code mock:bundle}, which answers as each bundle would; the record and the Redis cache
 * are mocks too (YamlRouteTestSupport). What is checked is what the route file decides: the order of the steps, what one
 * step hands the next, what a failing, flaky or late bundle does to the cycle, and what the timer does.
 */
class WorkflowCycleRouteTest extends YamlRouteTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final String CYCLE = "20261207-001";
    private static final Instant AS_OF = SteppedTradingClock.at(DAY, 10, 30);

    private final SteppedTradingClock clock = new SteppedTradingClock(DAY, AS_OF);
    private final CycleDesk cycleDesk = new CycleDesk(clock, PROPS, JSON);
    private final MarketDataGuard marketDataGuard = mock(MarketDataGuard.class);
    private final ReconciliationDesk reconciliationDesk = mock(ReconciliationDesk.class);
    /** Per bundle endpoint, how the mocked bundle answers (a test may make one fail). */
    private final Map<String, BundleAnswer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per bundle endpoint, the last request it was sent. */
    private final Map<String, JsonNode> requests = new java.util.concurrent.ConcurrentHashMap<>();
    /** The record of cycles (CycleRepository) behind a mock: the day's first cycle, and every write noted in {@link #calls}. */
    private final CycleRepository cycles = mock(CycleRepository.class);
    /** The record of what was not delivered (DeadLetterRepository) behind a mock. */
    private final DeadLetterRepository deadLetters = mock(DeadLetterRepository.class);
    /** In order: the repository's writes ("started", "finished") and the bundles called (their endpoints). */
    private final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    @FunctionalInterface
    interface BundleAnswer {
        Object answer(JsonNode request) throws Exception;
    }

    @Override
    protected List<String> routeFiles() {
        return List.of("workflow.camel.yaml", "workflow-cycle.camel.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        var f = PROPS.funnel();
        registry.bind("cycleDesk", cycleDesk);
        registry.bind("cycleRepository", cycles);
        registry.bind("deadLetterRepository", deadLetters);
        // the funnel's sizes as ProcessorConfiguration builds them from the settings
        registry.bind("cycleFunnel", new CycleFunnel(new FunnelSizes(PROPS.scanner().topCandidates(), f.afterNews(), f.afterPattern(),
                f.afterTechnical(), f.picks())));
        registry.bind("newsFanOut", new NewsFanOutAggregation());
        registry.bind("marketDataGuard", marketDataGuard);
        registry.bind("reconciliationDesk", reconciliationDesk);
        registry.bind("marketQueries", mock(MarketQueries.class));
        registry.bind("requestParameters", mock(RequestParameters.class));
    }

    private static String endpoint(String bundleOp) {
        return SETTINGS.getProperty("catalyst.endpoint." + bundleOp);
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        answers.put(endpoint("trading-manage"), request -> new TradeResponse(request.asText(), List.of()));
        answers.put(endpoint("scanner-scan"), request -> new ScanResponse(request.get("cycle_id").asText(), AS_OF, 50, 2, Map.of(),
                List.of(candidate("AAA", 80, 1), candidate("BBB", 70, 2))));
        answers.put(endpoint("news-enrich"), request -> new NewsResponse(request.get("cycle_id").asText(),
                List.of(new SymbolCatalyst("AAA", 80, 0.5, "earnings", 2)), List.of()));
        answers.put(endpoint("pattern-analyze"), request -> new PatternResponse(request.get("cycle_id").asText(), AS_OF,
                List.of(new PatternFinding("AAA", "bull_flag", "bullish", 0.8, AS_OF, AS_OF, Map.of()))));
        answers.put(endpoint("technical-analyze"), request -> new TechnicalResponse(request.get("cycle_id").asText(),
                List.of(new TechnicalReading("AAA", AS_OF, 20.0, 55, 0.1, 0.05, 0.05, 19.5, 19.8, 19.6, 0.4, 21, 20, 19, 19.9, 60, 55, 2.0,
                        75, "buy", true, null)), Map.of()));
        answers.put(endpoint("risk-evaluate"), request -> new RiskResponse(request.get("cycle_id").asText(), null,
                List.of(new RiskDecision("AAA", PositionSide.LONG, Verdict.APPROVED, 100, 100, new BigDecimal("20.00"), new BigDecimal("19.20"),
                        new BigDecimal("21.60"), new BigDecimal("80.00"), "bull_flag", "within limits", Map.of()))));
        answers.put(endpoint("trading-execute"), request -> new TradeResponse(request.get("cycle_id").asText(), List.of(
                new OrderOutcome("entry", CYCLE + "-AAA-buy", "AAA", OrderSide.BUY, 100, "filled", 100, new BigDecimal("20.01"), null))));
        answers.put(endpoint("reporting-cycle-report"), request -> Map.of("stored", true));

        replaceRecordAndCache();
        AdviceWith.adviceWith(context, "workflow-call-bundle", a -> a.weaveByType(ToDynamicDefinition.class).replace().to("mock:bundle"));
        AdviceWith.adviceWith(context, "workflow-cycle-timer", a -> a.replaceFromWith("direct:workflow-cycle-tick"));
        getMockEndpoint("mock:bundle").whenAnyExchangeReceived(this::answer);
        when(cycles.nextNumber(DAY)).thenReturn(1);
        doAnswer(call -> calls.add("started")).when(cycles).started(any());
        doAnswer(call -> calls.add("finished")).when(cycles).finished(any());
        startRoutes();
    }

    /** The bundle behind the endpoint the route called (the target property) answers the JSON request. */
    private void answer(Exchange exchange) throws Exception {
        String target = exchange.getProperty("target", String.class);
        BundleAnswer bundle = answers.get(target);
        assertThat(bundle).as("a bundle at " + target).isNotNull();
        JsonNode request = JSON.readTree(exchange.getMessage().getBody(String.class));
        requests.put(target, request);
        calls.add(target);
        Object response = bundle.answer(request);
        exchange.getMessage().setBody(JSON.writeValueAsString(response));
    }

    private static ScanCandidate candidate(String symbol, double score, int rank) {
        return new ScanCandidate(symbol, 20.0, 1_000_000, 3.0, 2.0, 1.0, 2.5, 60, 60, 0, 50, score, rank);
    }

    /** The summary the cycle's row was finished with (the last, when several cycles ran). */
    private CycleSummary finished() throws Exception {
        ArgumentCaptor<CycleSummary> summary = ArgumentCaptor.forClass(CycleSummary.class);
        verify(cycles, org.mockito.Mockito.atLeastOnce()).finished(summary.capture());
        return summary.getValue();
    }

    private CycleSummary runCycle() {
        return template.requestBodyAndHeader("direct:workflow-run-cycle", null, "Authorization", "Bearer caller-token", CycleSummary.class);
    }

    private List<String> bundlesCalled() {
        return getMockEndpoint("mock:bundle").getExchanges().stream().map(e -> e.getProperty("target", String.class)).toList();
    }

    private JsonNode requestTo(String bundleOp) {
        return requests.get(endpoint(bundleOp));
    }

    private JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCycleCallsTheBundlesInTheCyclesOrderAndReportsLast() throws Exception {
        MockEndpoint bundles = getMockEndpoint("mock:bundle");
        List<String> order = List.of("trading-manage", "scanner-scan", "news-enrich", "pattern-analyze", "technical-analyze",
                "risk-evaluate", "trading-execute", "reporting-cycle-report");
        bundles.expectedMessageCount(order.size());
        for (int i = 0; i < order.size(); i++) {
            bundles.message(i).exchangeProperty("target").isEqualTo(endpoint(order.get(i)));
        }
        // every call carries the cycle id and nothing of the caller's headers
        bundles.allMessages().header("X-Catalyst-Cycle-Id").isEqualTo(CYCLE);
        bundles.allMessages().header("Authorization").isNull();

        CycleSummary summary = runCycle();

        bundles.assertIsSatisfied();
        assertThat(summary.status()).isEqualTo("completed");
        assertThat(summary.cycleId()).isEqualTo(CYCLE);
        // the cycle's row is written before the first bundle is called, and finished after the last step (before the report)
        assertThat(calls.subList(0, 2)).containsExactly("started", endpoint("trading-manage"));
        assertThat(calls.indexOf("finished")).isEqualTo(calls.indexOf(endpoint("trading-execute")) + 1);
        ArgumentCaptor<CycleStart> start = ArgumentCaptor.forClass(CycleStart.class);
        verify(cycles).started(start.capture());
        assertThat(start.getValue().cycleId()).isEqualTo(CYCLE);
        assertThat(start.getValue().sessionTime()).isEqualTo(AS_OF);
        assertThat(finished().status()).isEqualTo("completed");
        assertThat(finished().picked()).isEqualTo(1);
        assertThat(finished().placed()).isEqualTo(1L);
        // the cycle's state in Redis, and the scan's cache beside the news call
        assertThat(getMockEndpoint(REDIS).getExchanges()).extracting(e -> e.getMessage().getHeader("CamelRedis.Key"))
                .containsExactlyInAnyOrder("catalyst:scan:latest", "catalyst:cycle:current");
    }

    @Test
    void eachStepHandsTheNextWhatTheStepBeforeKept() throws Exception {
        CycleSummary summary = runCycle();

        assertThat(requestTo("news-enrich").get("symbols")).extracting(JsonNode::asText).containsExactlyInAnyOrder("AAA", "BBB");
        assertThat(requestTo("pattern-analyze").get("symbols")).extracting(JsonNode::asText).containsExactlyInAnyOrder("AAA", "BBB");
        // only AAA showed a pattern: technicals see AAA alone, and risk gets AAA's proposal at the technical price
        assertThat(requestTo("technical-analyze").get("symbols")).extracting(JsonNode::asText).containsExactly("AAA");
        JsonNode proposals = requestTo("risk-evaluate").get("proposals");
        assertThat(proposals).hasSize(1);
        assertThat(proposals.get(0).get("symbol").asText()).isEqualTo("AAA");
        assertThat(proposals.get(0).get("entry_price").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(requestTo("trading-execute").get("decisions").get(0).get("symbol").asText()).isEqualTo("AAA");
        assertThat(summary.candidates()).isEqualTo(2);
        assertThat(summary.afterPattern()).isEqualTo(1);
        assertThat(summary.pickedSymbols()).containsExactly("AAA");
        assertThat(summary.newsStatus()).isEqualTo("ok");
        assertThat(summary.stepMillis()).containsOnlyKeys("manage", "scan", "news", "pattern", "technical", "risk", "trade");
    }

    @Test
    void aBundleThatFailsEndsTheCycleFailedAndTheLaterStepsDoNotRun() throws Exception {
        answers.put(endpoint("pattern-analyze"), request -> {
            throw new IllegalStateException("pattern bundle broke");
        });
        MockEndpoint bundles = getMockEndpoint("mock:bundle");
        bundles.expectedMessageCount(5);

        CycleSummary summary = runCycle();

        bundles.assertIsSatisfied();
        assertThat(bundlesCalled()).containsExactly(endpoint("trading-manage"), endpoint("scanner-scan"), endpoint("news-enrich"),
                endpoint("pattern-analyze"), endpoint("reporting-cycle-report"));
        assertThat(summary.status()).isEqualTo("failed");
        assertThat(summary.failureReason()).isEqualTo("IllegalStateException: pattern bundle broke");
        assertThat(finished().status()).isEqualTo("failed");
        assertThat(finished().failureReason()).isEqualTo("IllegalStateException: pattern bundle broke");
        // the slot is free again: the next cycle runs
        assertThat(cycleDesk.isRunning()).isFalse();
        answers.put(endpoint("pattern-analyze"), request -> new PatternResponse(request.get("cycle_id").asText(), AS_OF, List.of()));
        assertThat(runCycle().status()).isEqualTo("completed");
    }

    @Test
    void aTransientFaultOfABundleIsRetriedAndTheCycleGoesOn() {
        AtomicInteger scans = new AtomicInteger();
        BundleAnswer scanner = answers.get(endpoint("scanner-scan"));
        answers.put(endpoint("scanner-scan"), request -> {
            if (scans.incrementAndGet() <= 2) {
                throw new ConnectException("Connection refused");
            }
            return scanner.answer(request);
        });

        CycleSummary summary = runCycle();

        assertThat(scans).hasValue(3);
        assertThat(summary.status()).isEqualTo("completed");
        assertThat(summary.candidates()).isEqualTo(2);
    }

    @Test
    void aBundleThatRefusesTheRequestIsNotRetriedAndTheCycleFails() {
        AtomicInteger calls = new AtomicInteger();
        answers.put(endpoint("risk-evaluate"), request -> {
            calls.incrementAndGet();
            throw new HttpOperationFailedException("http://127.0.0.1:5004/api/v1/risk/evaluate", 400, "Bad Request", null, Map.of(),
                    "{\"error\":\"proposals: required\"}");
        });

        CycleSummary summary = runCycle();

        assertThat(calls).hasValue(1);
        assertThat(summary.status()).isEqualTo("failed");
        assertThat(bundlesCalled()).doesNotContain(endpoint("trading-execute"));
    }

    @Test
    void newsThatFailsIsLeftOutAndTheCycleGoesOnWithTheScannersRanking() throws Exception {
        answers.put(endpoint("news-enrich"), request -> {
            throw new IllegalStateException("news source down");
        });

        CycleSummary summary = runCycle();

        assertThat(summary.status()).isEqualTo("completed");
        assertThat(summary.newsStatus()).isEqualTo("missing");
        assertThat(requestTo("pattern-analyze").get("symbols")).extracting(JsonNode::asText).containsExactlyInAnyOrder("AAA", "BBB");
        assertThat(bundlesCalled()).contains(endpoint("trading-execute"));
    }

    @Test
    void staleMarketDataSkipsTheEntriesButTheCycleCompletes() {
        when(marketDataGuard.refusesEntries()).thenReturn(true);

        CycleSummary summary = runCycle();

        assertThat(summary.status()).isEqualTo("completed");
        assertThat(bundlesCalled()).contains(endpoint("risk-evaluate")).doesNotContain(endpoint("trading-execute"));
        assertThat(summary.placed()).isZero();
        assertThat(summary.stepMillis()).containsKey("trade");
    }

    @Test
    void aReportReportingDoesNotTakeWaitsInDeadLettersAndTheCycleStands() throws Exception {
        answers.put(endpoint("reporting-cycle-report"), request -> {
            throw new IllegalStateException("reporting is down");
        });
        CycleSummary summary = runCycle();

        assertThat(summary.status()).isEqualTo("completed");
        // the report's dead letter, written off the cycle's thread (the wire tap)
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(deadLetters, timeout(10_000)).record(eq("workflow-report"), eq(CYCLE), eq(endpoint("reporting-cycle-report")),
                eq("IllegalStateException: reporting is down"), body.capture());
        assertThat(json(body.getValue()).get("status").asText()).isEqualTo("completed");
        assertThat(json(body.getValue()).get("cycle_id").asText()).isEqualTo(CYCLE);
    }

    @Test
    void theTimerRunsACycleOnlyWhenOneIsDueAndTradingIsAllowed() {
        cycleDesk.enableTimer(true);
        when(reconciliationDesk.tradingAllowed()).thenReturn(true);
        clock.moveTo(SteppedTradingClock.at(DAY, 8, 0));
        template.sendBody("direct:workflow-cycle-tick", null);
        assertThat(bundlesCalled()).isEmpty();

        clock.moveTo(AS_OF);
        when(reconciliationDesk.tradingAllowed()).thenReturn(false);
        template.sendBody("direct:workflow-cycle-tick", null);
        assertThat(bundlesCalled()).isEmpty();

        when(reconciliationDesk.tradingAllowed()).thenReturn(true);
        template.sendBody("direct:workflow-cycle-tick", null);
        assertThat(bundlesCalled()).contains(endpoint("scanner-scan"));
    }

    @Test
    void aTickWhileACycleRunsIsSkippedNotFailed() {
        cycleDesk.enableTimer(true);
        when(reconciliationDesk.tradingAllowed()).thenReturn(true);
        cycleDesk.claim();

        Exchange tick = template.send("direct:workflow-cycle-tick", e -> { });

        assertThat(tick.getException()).isNull();
        assertThat(bundlesCalled()).isEmpty();
        // and a cycle asked for by hand meanwhile is refused, not queued
        Exchange byHand = template.send("direct:workflow-run-cycle", e -> { });
        assertThat(byHand.getException()).isInstanceOf(CycleDesk.CycleAlreadyRunningException.class);
    }
}
