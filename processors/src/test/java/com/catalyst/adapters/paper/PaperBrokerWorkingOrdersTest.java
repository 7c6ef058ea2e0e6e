package com.catalyst.adapters.paper;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.OrderRequest;

import com.catalyst.trading.BrokerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.trading.BrokerPort.DuplicateClientOrderIdException;
import com.catalyst.adapters.paper.PaperBroker.FillModel;
import com.catalyst.adapters.paper.PaperBroker.Quote;

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.BracketLeg;
/** Working orders: limit, stop, bracket legs, partial fills, cancel, day expiry and a restart on the same ledger. */
class PaperBrokerWorkingOrdersTest {

    // 10:00 in New York on a winter day
    private Instant now = Instant.parse("2026-02-10T15:00:00Z");
    private final Map<String, Double> prices = new HashMap<>();
    private final Map<String, Long> volumes = new HashMap<>();
    private final MemoryLedger ledger = new MemoryLedger();

    private PaperBroker broker(FillModel model) {
        return new PaperBroker(s -> prices.containsKey(s)
                ? new Quote(prices.get(s), volumes.getOrDefault(s, 1_000_000L), now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)) : null,
                () -> now, new BigDecimal("100000"), 10, new BigDecimal("0.01"), model, ledger);
    }

    private void minuteLater(double price) {
        now = now.plus(Duration.ofMinutes(1));
        prices.put("AAA", price);
    }

    private static OrderRequest limitBuy(String id, int quantity, String limit) {
        return new OrderRequest(id, "AAA", OrderSide.BUY, quantity, OrderType.LIMIT, new BigDecimal(limit), null, null);
    }

    private static OrderRequest bracket(String id, int quantity, String stopLoss, String takeProfit) {
        return new OrderRequest(id, "AAA", OrderSide.BUY, quantity, OrderType.MARKET, null, new BigDecimal(stopLoss), new BigDecimal(takeProfit));
    }

    @Test
    void aBuyLimitRestsAboveItsPriceAndFillsAtTheLimitOrBetterWhenThePriceComesDown() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        BrokerOrder resting = broker.submit(limitBuy("L-1", 100, "49.00"));
        assertThat(resting.status()).isEqualTo("accepted");
        assertThat(resting.filledQuantity()).isZero();
        assertThat(broker.openOrders()).extracting(BrokerOrder::clientOrderId).containsExactly("L-1");
        assertThat(broker.positions()).isEmpty();

        minuteLater(49.02);   // still above the limit
        assertThat(broker.findByClientOrderId("L-1").orElseThrow().status()).isEqualTo("accepted");

        minuteLater(48.99);   // 48.99 × 1.001 = 49.039 would be worse than the limit: fills at the limit
        BrokerOrder filled = broker.findByClientOrderId("L-1").orElseThrow();
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("49.00");
        assertThat(filled.fills()).hasSize(1);
        assertThat(broker.openOrders()).isEmpty();

        prices.put("AAA", 47.0);
        BrokerOrder better = broker.submit(limitBuy("L-2", 10, "49.00"));   // marketable: fills at once, below the limit
        assertThat(better.filledAveragePrice()).isEqualByComparingTo("47.047");
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 110, new BigDecimal("48.8225")));
    }

    @Test
    void aStopTriggersWhenThePriceReachesItAndFillsLikeAMarketOrder() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        BrokerOrder stop = broker.submit(new OrderRequest("S-1", "AAA", OrderSide.BUY, 10, OrderType.STOP, null, null, null, new BigDecimal("51")));
        assertThat(stop.status()).isEqualTo("accepted");
        minuteLater(50.9);
        assertThat(broker.findByClientOrderId("S-1").orElseThrow().status()).isEqualTo("accepted");
        minuteLater(51.5);
        BrokerOrder filled = broker.findByClientOrderId("S-1").orElseThrow();
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("51.5515");   // 51.5 × 1.001: a stop gives no price guarantee
    }

    @Test
    void aBracketEntryGetsTwoLegsAndTheTakeProfitFillCancelsTheStop() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        BrokerOrder entry = broker.submit(bracket("B-1", 100, "48.00", "53.00"));
        assertThat(entry.status()).isEqualTo("filled");
        assertThat(entry.filledAveragePrice()).isEqualByComparingTo("50.05");
        assertThat(entry.legs()).extracting(BrokerOrder::leg, BrokerOrder::status, BrokerOrder::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BracketLeg.STOP_LOSS, "accepted", 100),
                        org.assertj.core.groups.Tuple.tuple(BracketLeg.TAKE_PROFIT, "accepted", 100));
        assertThat(broker.openOrders()).extracting(BrokerOrder::clientOrderId).containsExactly("B-1-SL", "B-1-TP");

        minuteLater(52.0);
        assertThat(broker.positions()).hasSize(1);
        minuteLater(53.2);   // 53.2 × 0.999 = 53.1468, better than the 53 limit
        BrokerOrder tp = broker.findByClientOrderId("B-1-TP").orElseThrow();
        assertThat(tp.status()).isEqualTo("filled");
        assertThat(tp.filledAveragePrice()).isEqualByComparingTo("53.1468");
        assertThat(broker.findByClientOrderId("B-1-SL").orElseThrow().status()).isEqualTo("canceled");
        assertThat(broker.findByClientOrderId("B-1").orElseThrow().legs()).extracting(BrokerOrder::status).containsExactly("canceled", "filled");
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
        // 100,000 − 5,005 − 1 + 5,314.68 − 1
        assertThat(broker.account().cash()).isEqualByComparingTo("100307.68");
    }

    @Test
    void theStopLegFillsWhenThePriceFallsThroughItAndCancelsTheTarget() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        broker.submit(bracket("B-1", 100, "48.00", "53.00"));
        minuteLater(47.5);   // a gap through the stop: the stop gives the market price, 47.5 × 0.999
        BrokerOrder sl = broker.findByClientOrderId("B-1-SL").orElseThrow();
        assertThat(sl.status()).isEqualTo("filled");
        assertThat(sl.filledAveragePrice()).isEqualByComparingTo("47.4525");
        assertThat(broker.findByClientOrderId("B-1-TP").orElseThrow().status()).isEqualTo("canceled");
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void whileTheLegsHoldTheSharesAnotherSellIsRefusedUntilTheyAreCanceled() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        broker.submit(bracket("B-1", 100, "48.00", "53.00"));
        BrokerOrder refused = broker.submit(new OrderRequest("X-1", "AAA", OrderSide.SELL, 100, OrderType.MARKET, null, null, null));
        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.rejectReason()).contains("insufficient qty available");
        broker.cancel("B-1-SL");
        broker.cancel("B-1-TP");
        assertThat(broker.submit(new OrderRequest("X-2", "AAA", OrderSide.SELL, 100, OrderType.MARKET, null, null, null)).status()).isEqualTo("filled");
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void aLargeOrderFillsOverSeveralBarsWithOneFillPerBarAndCommissionOnEach() {
        PaperBroker broker = broker(new FillModel(60, 0));
        prices.put("AAA", 50.0);
        BrokerOrder first = broker.submit(new OrderRequest("M-1", "AAA", OrderSide.BUY, 100, OrderType.MARKET, null, null, null));
        assertThat(first.status()).isEqualTo("partially_filled");
        assertThat(first.filledQuantity()).isEqualTo(60);
        assertThat(broker.findByClientOrderId("M-1").orElseThrow().filledQuantity()).as("one fill per bar").isEqualTo(60);

        minuteLater(51.0);
        BrokerOrder done = broker.findByClientOrderId("M-1").orElseThrow();
        assertThat(done.status()).isEqualTo("filled");
        assertThat(done.fills()).extracting(BrokerOrder.Fill::quantity).containsExactly(60, 40);
        assertThat(done.fills()).extracting(BrokerOrder.Fill::price).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("50.05"), new BigDecimal("51.051"));
        assertThat(done.fills()).extracting(BrokerOrder.Fill::fillId).doesNotHaveDuplicates();
        assertThat(done.commission()).isEqualByComparingTo("1.00");
        // (60 × 50.05 + 40 × 51.051) / 100
        assertThat(done.filledAveragePrice()).isEqualByComparingTo("50.4504");
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 100, new BigDecimal("50.4504")));
    }

    @Test
    void aFillTakesAtMostTheConfiguredShareOfTheBarsVolume() {
        PaperBroker broker = broker(new FillModel(0, 0.1));
        prices.put("AAA", 50.0);
        volumes.put("AAA", 250L);
        assertThat(broker.submit(new OrderRequest("M-1", "AAA", OrderSide.BUY, 60, OrderType.MARKET, null, null, null)).filledQuantity()).isEqualTo(25);
        minuteLater(50.0);
        volumes.put("AAA", 5L);    // a tenth of 5 shares is no share: nothing fills this bar
        assertThat(broker.findByClientOrderId("M-1").orElseThrow().filledQuantity()).isEqualTo(25);
        minuteLater(50.0);
        volumes.put("AAA", 10_000L);
        assertThat(broker.findByClientOrderId("M-1").orElseThrow().status()).isEqualTo("filled");
    }

    @Test
    void cancelEndsAnOpenOrderAndAPartlyFilledOneKeepsWhatFilled() {
        PaperBroker broker = broker(new FillModel(60, 0));
        prices.put("AAA", 50.0);
        broker.submit(limitBuy("L-1", 100, "45.00"));
        assertThat(broker.cancel("L-1").orElseThrow().status()).isEqualTo("canceled");
        minuteLater(44.0);
        assertThat(broker.findByClientOrderId("L-1").orElseThrow().filledQuantity()).as("a canceled order never fills").isZero();

        broker.submit(new OrderRequest("M-1", "AAA", OrderSide.BUY, 100, OrderType.MARKET, null, null, null));
        BrokerOrder canceled = broker.cancel("M-1").orElseThrow();
        assertThat(canceled.status()).isEqualTo("canceled");
        assertThat(canceled.filledQuantity()).isEqualTo(60);
        minuteLater(44.0);
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 60, new BigDecimal("44.0440")));
        assertThat(broker.cancel("M-1").orElseThrow().status()).as("a finished order stays as it is").isEqualTo("canceled");
        assertThat(broker.cancel("never-sent")).isEmpty();
    }

    @Test
    void aCanceledBracketEntryCancelsItsHeldLegsOrHandsThemWhatFilled() {
        PaperBroker broker = broker(new FillModel(30, 0));
        prices.put("AAA", 50.0);
        broker.submit(new OrderRequest("B-1", "AAA", OrderSide.BUY, 100, OrderType.LIMIT, new BigDecimal("45"), new BigDecimal("43"), new BigDecimal("48")));
        assertThat(broker.findByClientOrderId("B-1").orElseThrow().legs()).extracting(BrokerOrder::status).containsExactly("held", "held");
        broker.cancel("B-1");
        assertThat(broker.findByClientOrderId("B-1").orElseThrow().legs()).extracting(BrokerOrder::status).containsExactly("canceled", "canceled");

        BrokerOrder partly = broker.submit(bracket("B-2", 100, "45", "55"));
        assertThat(partly.filledQuantity()).isEqualTo(30);
        broker.cancel("B-2");
        assertThat(broker.findByClientOrderId("B-2").orElseThrow().legs()).extracting(BrokerOrder::status, BrokerOrder::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("accepted", 30), org.assertj.core.groups.Tuple.tuple("accepted", 30));
    }

    @Test
    void whatIsStillOpenAtTheCloseExpires() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        broker.submit(limitBuy("L-1", 10, "45.00"));
        now = Instant.parse("2026-02-10T20:59:00Z");   // 15:59 in New York
        assertThat(broker.findByClientOrderId("L-1").orElseThrow().status()).isEqualTo("accepted");
        now = Instant.parse("2026-02-10T21:00:00Z");
        BrokerOrder expired = broker.findByClientOrderId("L-1").orElseThrow();
        assertThat(expired.status()).isEqualTo("expired");
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void aRestartOnTheSameLedgerFindsTheWorkingOrdersAndGoesOnWorkingThem() {
        PaperBroker before = broker(new FillModel(60, 0));
        prices.put("AAA", 50.0);
        before.submit(limitBuy("L-1", 10, "45.00"));
        before.submit(bracket("B-1", 100, "45", "55"));

        PaperBroker after = broker(new FillModel(60, 0));
        assertThat(after.openOrders()).extracting(BrokerOrder::clientOrderId).containsExactly("L-1", "B-1", "B-1-SL", "B-1-TP");
        assertThatThrownBy(() -> after.submit(limitBuy("L-1", 10, "45.00"))).isInstanceOf(DuplicateClientOrderIdException.class);
        minuteLater(44.0);
        assertThat(after.findByClientOrderId("L-1").orElseThrow().status()).isEqualTo("filled");
        BrokerOrder entry = after.findByClientOrderId("B-1").orElseThrow();
        assertThat(entry.fills()).extracting(BrokerOrder.Fill::quantity).containsExactly(60, 40);
        // the stop at 45 is touched by 44 in the same bar the entry completed: the legs start on the next bar
        assertThat(entry.legs()).extracting(BrokerOrder::status).containsExactly("accepted", "accepted");
        assertThat(after.positions()).containsExactly(new BrokerPosition("AAA", 110, after.positions().get(0).averageEntryPrice()));
    }

    @Test
    void restingBuysReserveBuyingPowerSoTheCashCannotBeSpentTwice() {
        PaperBroker broker = broker(FillModel.WHOLE);
        prices.put("AAA", 50.0);
        broker.submit(limitBuy("L-1", 1500, "49.00"));                 // 73,500 reserved at the limit
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("26500");
        BrokerOrder second = broker.submit(limitBuy("L-2", 600, "49.00"));
        assertThat(second.status()).isEqualTo("rejected");
        assertThat(second.rejectReason()).contains("insufficient buying power");
        broker.cancel("L-1");
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("100000");
        assertThat(broker.submit(limitBuy("L-3", 600, "49.00")).status()).isEqualTo("accepted");
    }

    /** The book in memory, written and read as JdbcPaperLedger does. */
    private static final class MemoryLedger implements PaperLedger {
        private final Map<String, BrokerOrder> orders = new LinkedHashMap<>();
        private final Map<String, BrokerPosition> positions = new LinkedHashMap<>();
        private BigDecimal cash;

        @Override
        public Book load() {
            return new Book(new ArrayList<>(orders.values()), new ArrayList<>(positions.values()), cash);
        }

        @Override
        public void write(List<BrokerOrder> changed, Map<String, BrokerPosition> positionsAfter, BigDecimal cashAfter) {
            changed.forEach(o -> orders.put(o.clientOrderId(), o.withLegs(List.of())));
            positionsAfter.forEach((s, p) -> {
                if (p == null) {
                    positions.remove(s);
                } else {
                    positions.put(s, p);
                }
            });
            cash = cashAfter;
        }
    }
}
