package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.adapters.paper.PaperBroker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeDeskTest {

    private final PaperBroker broker = new PaperBroker(symbol -> 10.0, Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO);
    private final List<String> reopened = new ArrayList<>();

    private OrderIntent exit() {
        return new OrderIntent("exit", "20260106-002", OrderIntent.exitClientOrderId(7), "ABC", OrderSide.SELL, 5, null, null, null, null, null, 7,
                "end_of_day");
    }

    @Test
    void anExitCanceledBeforeItReachedTheBrokerIsSentAgainAndRecordedFromPendingSubmit() {
        broker.submit(new OrderRequest("CAT-20260106-001-ABC-buy", "ABC", OrderSide.BUY, 5, OrderType.MARKET, null, null, null));
        // the row says canceled (reconciliation: never reached the broker); the next cycle plans the same exit
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> reopened.add(id));

        BrokerOrder sent = desk.send(exit(), 0);
        OrderAnswer row = desk.answer(exit(), sent, "canceled");

        assertThat(reopened).containsExactly("CAT-EXIT-7");
        assertThat(broker.findByClientOrderId("CAT-EXIT-7")).isPresent();
        assertThat(row.from()).isEqualTo(OrderStatus.PENDING_SUBMIT);
        assertThat(row.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(row.changed()).isTrue();
    }

    @Test
    void anOrderTheBrokerHasIsSettledNeverReopenedNorSentTwice() {
        broker.submit(new OrderRequest("CAT-20260106-001-ABC-buy", "ABC", OrderSide.BUY, 5, OrderType.MARKET, null, null, null));
        BrokerOrder first = broker.submit(exit().toRequest());
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> reopened.add(id));

        BrokerOrder again = desk.send(exit(), 0);

        assertThat(reopened).isEmpty();
        assertThat(again.brokerOrderId()).isEqualTo(first.brokerOrderId());
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void aCanceledRowThatWasNotReopenedStaysCanceled() {
        broker.submit(new OrderRequest("CAT-20260106-001-ABC-buy", "ABC", OrderSide.BUY, 5, OrderType.MARKET, null, null, null));
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> false);
        BrokerOrder sent = desk.send(exit(), 0);
        assertThatThrownBy(() -> desk.answer(exit(), sent, "canceled")).isInstanceOf(OrderStatus.IllegalOrderTransitionException.class);
    }

    @Test
    void anOrderKeptBackByTheBreakerWhileItsRowIsCanceledStaysCanceled() {
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> false);

        OrderAnswer row = desk.answer(exit(), desk.notSent(exit(), "broker circuit breaker is open"), "canceled");

        assertThat(row.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(row.changed()).isFalse();
        assertThat(broker.findByClientOrderId("CAT-EXIT-7")).isEmpty();
        // from pending_submit the same answer is a real step: recorded rejected
        assertThat(desk.answer(exit(), desk.notSent(exit(), "broker circuit breaker is open"), "pending_submit"))
                .satisfies(a -> assertThat(a.status()).isEqualTo(OrderStatus.REJECTED)).satisfies(a -> assertThat(a.changed()).isTrue());
    }

    /**
     * A margin account's broker: it takes a sell of shares it does not hold (a short). Its one open sell, the bracket's
     * stop leg, fills the {@code filledByTheLeg} shares while the exit cancels it (the race), so the position holds
     * {@code 5 - filledByTheLeg} when the cancel answers.
     */
    private static final class MarginBroker implements BrokerPort {
        final List<OrderRequest> submitted = new ArrayList<>();
        final int filledByTheLeg;
        int position = 5;
        boolean cancelPending;

        MarginBroker(int filledByTheLeg) {
            this.filledByTheLeg = filledByTheLeg;
        }

        private BrokerOrder leg(String status, int filled) {
            return new BrokerOrder("b-sl", "CAT-20260106-001-ABC-buy-SL", "ABC", OrderSide.SELL, 5, status, filled, filled == 0 ? null : new BigDecimal("9.50"),
                    BigDecimal.ZERO, null, null, null, OrderType.STOP, null, new BigDecimal("9.50"), "CAT-20260106-001-ABC-buy", BracketLeg.STOP_LOSS, null,
                    List.of(), List.of());
        }

        @Override
        public BrokerOrder submit(OrderRequest order) {
            submitted.add(order);
            position -= order.quantity();
            return new BrokerOrder("b-" + submitted.size(), order.clientOrderId(), order.symbol(), order.side(), order.quantity(), "filled",
                    order.quantity(), BigDecimal.TEN, BigDecimal.ZERO, Instant.EPOCH, Instant.EPOCH, null);
        }

        @Override
        public java.util.Optional<BrokerOrder> findByClientOrderId(String clientOrderId) {
            return cancelPending && clientOrderId.endsWith("-SL") ? java.util.Optional.of(leg("pending_cancel", 0)) : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<BrokerOrder> cancel(String clientOrderId) {
            if (cancelPending) {
                return java.util.Optional.of(leg("pending_cancel", 0));
            }
            position -= filledByTheLeg;
            return java.util.Optional.of(leg(filledByTheLeg == 5 ? "filled" : "canceled", filledByTheLeg));
        }

        @Override
        public List<BrokerOrder> openOrders() {
            return List.of(leg("accepted", 0));
        }

        @Override
        public List<BrokerPosition> positions() {
            return position == 0 ? List.of() : List.of(new BrokerPosition("ABC", position, BigDecimal.TEN));
        }

        @Override
        public Account account() {
            return new Account("margin", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true);
        }
    }

    @Test
    void aStopLegThatFilledWhileTheExitCanceledItLeavesNothingToSellAndNoShortIsOpened() {
        MarginBroker margin = new MarginBroker(5);
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);

        BrokerOrder answer = desk.send(exit(), 1);

        assertThat(margin.submitted).isEmpty();
        assertThat(margin.positions()).isEmpty();
        assertThat(answer.status()).isEqualTo("canceled");
        assertThat(answer.brokerOrderId()).isNull();
        assertThat(answer.rejectReason()).isEqualTo(TradeDesk.NOTHING_HELD);
        // recorded as the broker never having seen it: a later exit of the same position may reopen it
        assertThat(desk.answer(exit(), answer, "pending_submit")).satisfies(a -> assertThat(a.status()).isEqualTo(OrderStatus.CANCELED))
                .satisfies(a -> assertThat(a.quantity()).isEqualTo(5));
    }

    @Test
    void aLegThatFilledInPartWhileTheExitCanceledItLeavesAnExitOfWhatIsStillHeld() {
        MarginBroker margin = new MarginBroker(3);
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);

        BrokerOrder answer = desk.send(exit(), 1);

        assertThat(margin.submitted).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualTo(2));
        assertThat(margin.position).isZero();
        // the orders row records the 2 sent, not the 5 planned
        assertThat(desk.answer(exit(), answer, "pending_submit")).satisfies(a -> assertThat(a.quantity()).isEqualTo(2))
                .satisfies(a -> assertThat(a.filledQty()).isEqualTo(2));
    }

    @Test
    void withNoRaceTheExitSellsThePlannedQuantity() {
        MarginBroker margin = new MarginBroker(0);
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);

        desk.send(exit(), 1);

        assertThat(margin.submitted).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualTo(5));
        assertThat(margin.position).isZero();
    }

    private static TradeRequest shortDecision(String symbol) {
        return new TradeRequest("20260106-003", List.of(new com.catalyst.risk.RiskDecision(symbol, PositionSide.SHORT, com.catalyst.risk.Verdict.APPROVED, 100,
                100, new BigDecimal("10.00"), new BigDecimal("10.50"), new BigDecimal("9.00"), new BigDecimal("50.00"), "bear_flag", "ok",
                Map.of())));
    }

    @Test
    void aShortDecisionIsASellEntryWithItsBracketInverted() {
        PaperBroker margin = new PaperBroker(symbol -> 10.0, Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO)
                .shortSelling(true, List.of());
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);

        OrderIntent entry = desk.entries(shortDecision("ABC")).get(0);

        assertThat(entry.side()).isEqualTo(OrderSide.SELL);
        assertThat(entry.clientOrderId()).isEqualTo("CAT-20260106-003-ABC-sell");
        assertThat(entry.trail()).isNull();
        assertThat(entry.toRequest().stopLossPrice()).isEqualByComparingTo("10.50");
        assertThat(entry.toRequest().takeProfitPrice()).isEqualByComparingTo("9.00");
        assertThat(entry.sqlRow()).containsEntry("decision_side", "short").containsEntry("order_class", "bracket");
        BrokerOrder sold = desk.send(entry, 1);
        assertThat(sold.status()).isEqualTo("filled");
        assertThat(sold.legs()).extracting(BrokerOrder::side).containsOnly(OrderSide.BUY);
        assertThat(desk.firstFill(entry, sold).positionSide()).isEqualTo(PositionSide.SHORT);
        assertThat(desk.firstFill(entry, sold).fill().quantity()).isEqualTo(100);
        assertThat(margin.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(-100));
    }

    @Test
    void inATrailingModeAShortGoesOutWithoutLegsCarryingItsTrail() {
        PaperBroker margin = new PaperBroker(symbol -> 10.0, Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO)
                .shortSelling(true, List.of());
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false,
                new ExitSettings(ExitSettings.Mode.TRAILING_PERCENT, new BigDecimal("2.0"), new BigDecimal("2.0")));

        OrderIntent entry = desk.entries(shortDecision("ABC")).get(0);

        assertThat(entry.side()).isEqualTo(OrderSide.SELL);
        assertThat(entry.trail()).isEqualTo(Trail.percent(new BigDecimal("2.0")));
        // the stop and target stay on the position for the exit planner; the trailing stop follows the fill
        assertThat(entry.stopLoss()).isEqualByComparingTo("10.50");
        assertThat(entry.takeProfit()).isEqualByComparingTo("9.00");
        assertThat(entry.toRequest().bracket()).isFalse();
        assertThat(entry.sqlRow()).containsEntry("decision_side", "short").containsEntry("order_class", "simple")
                .containsEntry("trail_percent", new BigDecimal("2.0"));
        BrokerOrder sold = desk.send(entry, 1);
        assertThat(sold.status()).isEqualTo("filled");
        assertThat(sold.legs()).isEmpty();
        assertThat(margin.openOrders()).isEmpty();
        assertThat(margin.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(-100));

        // the ATR mode without an ATR recorded trails by the fixed stop's distance above the entry
        TradeDesk atr = new TradeDesk(margin, (id, quantity) -> false,
                new ExitSettings(ExitSettings.Mode.TRAILING_ATR, new BigDecimal("2.0"), new BigDecimal("2.0")));
        assertThat(atr.entries(shortDecision("ABC")).get(0).trail()).isEqualTo(Trail.price(new BigDecimal("0.50")));
    }

    @Test
    void aShortOfASymbolTheBrokerWillNotLendIsRecordedRejectedAndNeverSent() {
        PaperBroker margin = new PaperBroker(symbol -> 10.0, Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO)
                .shortSelling(true, List.of("ABC"));
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);
        OrderIntent entry = desk.entries(shortDecision("ABC")).get(0);

        BrokerOrder answer = desk.send(entry, 1);

        assertThat(answer.status()).isEqualTo("rejected");
        assertThat(answer.brokerOrderId()).isNull();
        assertThat(answer.rejectReason()).isEqualTo("not sent: ABC is not easy to borrow at the broker");
        assertThat(margin.findByClientOrderId(entry.clientOrderId())).isEmpty();
        // shorts off at the broker: not shortable at all
        TradeDesk cashDesk = new TradeDesk(broker, (id, quantity) -> false);
        assertThat(cashDesk.send(entry, 1).rejectReason()).isEqualTo("not sent: ABC is not shortable at the broker");
    }

    @Test
    void anExitOfAShortBuysBackWhatIsShortAfterCancelingTheOpenBuys() {
        PaperBroker margin = new PaperBroker(symbol -> 10.0, Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO)
                .shortSelling(true, List.of());
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);
        desk.send(desk.entries(shortDecision("ABC")).get(0), 1);
        assertThat(margin.openOrders()).extracting(BrokerOrder::side).containsOnly(OrderSide.BUY);

        BrokerOrder cover = desk.send(new OrderIntent("exit", "20260106-004", OrderIntent.exitClientOrderId(3), "ABC", OrderSide.BUY, 100, null, null,
                null, null, null, 3, "end_of_day"), 1);

        assertThat(cover.status()).isEqualTo("filled");
        assertThat(margin.positions()).isEmpty();
        assertThat(margin.openOrders()).isEmpty();
    }

    @Test
    void aCancelTheBrokerHasNotFinishedHoldsTheExitBackAsTheLegMayStillFill() {
        MarginBroker margin = new MarginBroker(0);
        margin.cancelPending = true;
        TradeDesk desk = new TradeDesk(margin, (id, quantity) -> false);

        BrokerOrder answer = desk.send(exit(), 1);

        assertThat(margin.submitted).isEmpty();
        assertThat(answer.status()).isEqualTo("canceled");
        assertThat(answer.brokerOrderId()).isNull();
        assertThat(answer.rejectReason()).isEqualTo("not sent: CAT-20260106-001-ABC-buy-SL is still being canceled at the broker; the next cycle exits");
    }
}
