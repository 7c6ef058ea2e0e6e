package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.trading.ManualOrderDesk;
import com.catalyst.trading.OrderSyncDesk;
import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.risk.RecordedDecisions;
import com.catalyst.trading.TradeDesk;
import com.catalyst.health.MarketDataGuard;
import com.catalyst.market.MarketDataPort;
import com.catalyst.notify.Notifications;
import com.catalyst.risk.RiskDecision;
import com.catalyst.routing.RequestDefaults;
import com.catalyst.routing.RequestParameters;
import com.catalyst.testsupport.SteppedTradingClock;
import com.catalyst.testsupport.YamlRouteTestSupport;
import com.catalyst.risk.Verdict;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The order path of the trading bundle (routes/trading.camel.yaml) with the record's repositories (OrderRepository,
 * PositionRepository) mocks that log each call, Redis behind
 * {@code mock:redis} and the broker (the outside world) a mock under the real TradeDesk: each order is recorded
 * pending_submit before the broker sees it, an order already on record is looked up instead of sent, a failing broker
 * call is never redelivered and leaves the order unknown, the broker's circuit breaker (as application.yaml configures it)
 * opens after repeated failures and keeps orders from the broker, a fill opens or closes the position, and a cycle's
 * entries go nowhere unless risk recorded them and the market data is fresh.
 */
class TradingOrderRoutesTest extends YamlRouteTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final String CYCLE = "20261207-007";
    private static final Instant NOW = SteppedTradingClock.at(DAY, 11, 0);

    private final SteppedTradingClock clock = new SteppedTradingClock(DAY, NOW);
    /** The broker's calls are stubbed; its default methods (what it holds of a symbol) work over the stubbed ones. */
    private final BrokerPort broker = mock(BrokerPort.class, org.mockito.Mockito.withSettings()
            .defaultAnswer(call -> call.getMethod().isDefault() ? call.callRealMethod() : org.mockito.Answers.RETURNS_DEFAULTS.answer(call)));
    private final RecordedDecisions recordedDecisions = mock(RecordedDecisions.class);
    private final MarketDataGuard marketDataGuard = mock(MarketDataGuard.class);
    private final Notifications notifications = mock(Notifications.class);
    /** The record's calls, in order: {@code orders.<method>} and {@code positions.<method>}, with their arguments. */
    private final List<String> calls = new ArrayList<>();
    private final List<Object[]> callArguments = new ArrayList<>();
    /** The record's calls made by the time the broker was called, one list a call. */
    private final List<List<String>> recordedAtSend = new ArrayList<>();
    /** What the orders insert wrote: 1 for a new order, 0 for one already on record. */
    private int orderRowsInserted = 1;
    private String statusOnRecord = "pending_submit";

    @Override
    protected List<String> routeFiles() {
        return List.of("trading.camel.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        MarketDataPort market = mock(MarketDataPort.class);
        registry.bind("brokerPort", broker);
        // the broker never saw an order the record holds (no row to reopen here)
        registry.bind("tradeDesk", new TradeDesk(broker, (clientOrderId, quantity) -> false));
        registry.bind("requestDefaults", new RequestDefaults(clock, market, PROPS, new CycleDesk(clock, PROPS, JSON), JSON));
        registry.bind("recordedDecisions", recordedDecisions);
        registry.bind("marketDataGuard", marketDataGuard);
        registry.bind("notifications", notifications);
        registry.bind("reconciliationDesk", mock(ReconciliationDesk.class));
        registry.bind("orderSyncDesk", mock(OrderSyncDesk.class));
        registry.bind("manualOrderDesk", mock(ManualOrderDesk.class));
        registry.bind("exitPlanner", mock(ExitPlanner.class));
        registry.bind("requestParameters", mock(RequestParameters.class));
        registry.bind("orderRepository", mock(OrderRepository.class, call -> logged("orders", call)));
        registry.bind("positionRepository", mock(PositionRepository.class, call -> logged("positions", call)));
    }

    /** Logs a call to the record and answers it: the orders insert's rows, the status on record, else nothing. */
    private Object logged(String repository, org.mockito.invocation.InvocationOnMock call) throws Throwable {
        String name = call.getMethod().getName();
        calls.add(repository + "." + name);
        callArguments.add(call.getArguments());
        return switch (name) {
            case "insert" -> orderRowsInserted;
            case "status" -> statusOnRecord;
            default -> org.mockito.Answers.RETURNS_DEFAULTS.answer(call);
        };
    }

    private List<String> recordCalls() {
        return List.copyOf(calls);
    }

    /** The argument of the first call named {@code call} ({@code orders.answered}, ...). */
    private <T> T argumentOf(String call, Class<T> type) {
        return type.cast(callArguments.get(calls.indexOf(call))[0]);
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        replaceRecordAndCache();
        // risk recorded every decision it is asked about (a test says when not)
        when(recordedDecisions.require(any())).thenAnswer(call -> call.getArgument(0));
        when(broker.submit(any())).thenAnswer(call -> {
            recordedAtSend.add(recordCalls());
            OrderRequest order = call.getArgument(0);
            return filled(order.clientOrderId(), order.symbol(), order.side(), order.quantity());
        });
        startRoutes();
    }

    private static BrokerOrder filled(String clientOrderId, String symbol, OrderSide side, int quantity) {
        return new BrokerOrder("broker-" + clientOrderId, clientOrderId, symbol, side, quantity, "filled", quantity, new BigDecimal("20.01"),
                BigDecimal.ZERO, NOW, NOW, null);
    }

    private static OrderIntent entry(String symbol) {
        return new OrderIntent("entry", CYCLE, OrderIntent.entryClientOrderId(CYCLE, symbol, OrderSide.BUY), symbol, OrderSide.BUY, 100, new BigDecimal("20.00"),
                new BigDecimal("19.20"), new BigDecimal("21.60"), new BigDecimal("80.00"), "bull_flag", null, null, null, null, null, null);
    }

    private static OrderIntent exit(String symbol, int positionId) {
        return new OrderIntent("exit", CYCLE, CYCLE + "-" + symbol + "-sell", symbol, OrderSide.SELL, 100, new BigDecimal("21.60"), null, null, null,
                null, positionId, "take_profit", null, null, null, null);
    }

    private OrderOutcome place(OrderIntent intent) {
        return template.requestBodyAndHeader("direct:trading-place-order", intent, "ignored", null, OrderOutcome.class);
    }

    /**
     * The kill -9 test's hook (FaultPoints, an intercept strategy) finds the order path's steps by their ids: they are
     * all in trading-place-order, in the order of the points.
     */
    @Test
    void theStepsTheFaultPointsPauseBeforeAreInTheOrderRouteInOrder() {
        List<String> ids = new java.util.ArrayList<>();
        collectIds(((org.apache.camel.model.ModelCamelContext) context).getRouteDefinition("trading-place-order").getOutputs(), ids);
        List<String> marked = com.catalyst.faults.FaultPoints.STEPS.stream().map(com.catalyst.faults.FaultPoints::stepId).toList();
        assertThat(ids.stream().filter(marked::contains).toList()).isEqualTo(marked);
    }

    private static void collectIds(List<org.apache.camel.model.ProcessorDefinition<?>> outputs, List<String> ids) {
        for (org.apache.camel.model.ProcessorDefinition<?> node : outputs) {
            if (node.getId() != null) {
                ids.add(node.getId());
            }
            collectIds(node.getOutputs(), ids);
        }
    }

    @Test
    void anEntryIsRecordedBeforeTheBrokerSeesItAndItsFillOpensThePosition() {
        OrderOutcome outcome = place(entry("AAA"));

        assertThat(outcome.status()).isEqualTo("filled");
        // recorded pending_submit (with its event) before the broker is called
        assertThat(recordedAtSend).singleElement().isEqualTo(List.of("orders.insert", "orders.status", "orders.pendingSubmitted"));
        assertThat(recordCalls().subList(3, recordCalls().size())).containsExactly("orders.answered", "orders.answerEvent", "orders.fill",
                "positions.openFromFill", "orders.linkOpenPosition");
        OrderAnswer answer = argumentOf("orders.answered", OrderAnswer.class);
        assertThat(answer.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(answer.from()).isEqualTo(OrderStatus.PENDING_SUBMIT);
        assertThat(getMockEndpoint(REDIS).getExchanges()).singleElement().satisfies(e -> {
            assertThat(e.getMessage().getHeader("CamelRedis.Channel")).isEqualTo("catalyst:positions");
            assertThat(e.getMessage().getHeader("CamelRedis.Message", String.class)).contains("\"event\":\"position_opened\"");
        });
    }

    @Test
    void anOrderAlreadyOnRecordIsLookedUpAtTheBrokerAndNotSentAgain() {
        orderRowsInserted = 0;
        statusOnRecord = "accepted";
        OrderIntent intent = entry("AAA");
        when(broker.findByClientOrderId(intent.clientOrderId())).thenReturn(Optional.of(filled(intent.clientOrderId(), "AAA", OrderSide.BUY, 100)));

        OrderOutcome outcome = place(intent);

        assertThat(outcome.status()).isEqualTo("filled");
        verify(broker, never()).submit(any());
        assertThat(recordCalls()).doesNotContain("orders.pendingSubmitted");
        assertThat(recordCalls()).containsOnlyOnce("orders.answered");
        assertThat(argumentOf("orders.answered", OrderAnswer.class).from()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void aBrokerCallThatFailsIsNotRedeliveredAndLeavesTheOrderUnknown() {
        doThrow(new BrokerUnavailableException("broker answered 503 three times", null)).when(broker).submit(any());

        OrderOutcome outcome = place(entry("AAA"));

        verify(broker, times(1)).submit(any());
        assertThat(outcome.status()).isEqualTo("unknown");
        assertThat(recordCalls()).doesNotContain("orders.fill", "positions.openFromFill", "positions.closeFromFill");
        assertThat(getMockEndpoint(REDIS).getExchanges()).isEmpty();
    }

    @Test
    void theBrokersCircuitOpensAfterRepeatedFailuresAndKeepsOrdersFromTheBroker() {
        doThrow(new BrokerUnavailableException("connection refused", null)).when(broker).submit(any());
        List<OrderOutcome> outcomes = new ArrayList<>();
        for (String symbol : List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG")) {
            outcomes.add(place(entry(symbol)));
        }

        // five failed calls fill the window's minimum at a 100 % failure rate: the next orders never reach the broker
        verify(broker, times(5)).submit(any());
        assertThat(outcomes.subList(0, 5)).allSatisfy(o -> assertThat(o.status()).isEqualTo("unknown"));
        assertThat(outcomes.subList(5, 7)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo("rejected");
            assertThat(o.reason()).isEqualTo("not sent: broker circuit breaker is open");
        });
    }

    @Test
    void anExitsFillClosesItsPosition() {
        // the broker holds the shares the exit sells (an exit sells only what it still holds: TradeDesk)
        when(broker.positions()).thenReturn(List.of(new BrokerPort.BrokerPosition("AAA", 100, new BigDecimal("20.00"))));
        OrderOutcome outcome = place(exit("AAA", 42));

        assertThat(outcome.status()).isEqualTo("filled");
        assertThat(recordCalls()).doesNotContain("positions.openFromFill");
        OrderFill closing = argumentOf("positions.closeFromFill", OrderFill.class);
        assertThat(closing.intent().positionId()).isEqualTo(42);
        assertThat(closing.intent().closeReason()).isEqualTo("take_profit");
        assertThat(getMockEndpoint(REDIS).getExchanges().get(0).getMessage().getHeader("CamelRedis.Message", String.class))
                .contains("\"event\":\"position_closed\"");
    }

    private static String tradeRequest() throws Exception {
        RiskDecision approved = new RiskDecision("AAA", PositionSide.LONG, Verdict.APPROVED, 100, 100, new BigDecimal("20.00"), new BigDecimal("19.20"),
                new BigDecimal("21.60"), new BigDecimal("80.00"), "bull_flag", "within limits", Map.of());
        return JSON.writeValueAsString(new TradeRequest(CYCLE, List.of(approved)));
    }

    @Test
    void aCycleEntryRiskDidNotRecordReachesNeitherTheRecordNorTheBroker() throws Exception {
        doThrow(new IllegalArgumentException("decision AAA of " + CYCLE + " is not on record")).when(recordedDecisions).require(any());

        Exchange exchange = template.send("direct:trading-execute", e -> e.getMessage().setBody(tradeRequest()));

        assertThat(exchange.getException()).hasMessageContaining("not on record");
        assertThat(recordCalls()).isEmpty();
        verify(broker, never()).submit(any());
    }

    @Test
    void noEntryWhileTheMarketDataIsStale() throws Exception {
        doThrow(new ReconciliationDesk.TradingHaltedException("no entries: the market data is stale")).when(marketDataGuard).requireFresh();

        Exchange exchange = template.send("direct:trading-execute", e -> e.getMessage().setBody(tradeRequest()));

        assertThat(exchange.getException()).isInstanceOf(ReconciliationDesk.TradingHaltedException.class);
        assertThat(recordCalls()).isEmpty();
        verify(broker, never()).submit(any());
    }

    @Test
    void aRecordedFreshCycleEntryIsPlaced() throws Exception {
        String answer = template.requestBody("direct:trading-execute", tradeRequest(), String.class);

        verify(broker, times(1)).submit(any());
        assertThat(JSON.readTree(answer).get("outcomes").get(0).get("status").asText()).isEqualTo("filled");
    }
}
