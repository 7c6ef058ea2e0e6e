package com.catalyst.adapters.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.catalyst.adapters.paper.PaperBroker.FillModel;
import com.catalyst.adapters.paper.PaperBroker.Quote;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.Trail;

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
/**
 * A sell trailing stop in the paper broker, bar by bar on built OHLC series: the mark follows the highs and the stop
 * the mark, never down; a low through the stop fills at the stop, a bar that opens through it at the open; a bar seen
 * twice changes nothing; a restart on the same book goes on from the mark.
 */
class PaperBrokerTrailingStopTest {

    // 10:00 in New York on a winter day
    private Instant now = Instant.parse("2026-02-10T15:00:00Z");
    private Quote quote;
    private final MemoryLedger ledger = new MemoryLedger();

    /** No slippage, no commission: the prices asserted are the model's own. */
    private PaperBroker broker(double slippageBps) {
        return new PaperBroker(s -> "AAA".equals(s) ? quote : null, () -> now, new BigDecimal("100000"), slippageBps, BigDecimal.ZERO,
                FillModel.WHOLE, ledger);
    }

    /** The next minute's bar: open, high, low, close. */
    private void bar(double open, double high, double low, double close) {
        now = now.plus(Duration.ofMinutes(1));
        quote = new Quote(close, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES), open, high, low);
    }

    /** 100 AAA bought at 50, then a 5 % trailing stop for them: mark 50, stop 47.50. */
    private PaperBroker holdingWithTrail(Trail trail, double slippageBps) {
        quote = new Quote(50.0, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES));
        PaperBroker broker = broker(slippageBps);
        assertThat(broker.submit(new OrderRequest("E-1", "AAA", OrderSide.BUY, 100, OrderType.MARKET, null, null, null)).status()).isEqualTo("filled");
        quote = new Quote(50.0, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES));
        BrokerOrder stop = broker.submit(OrderRequest.trailingStop("E-1-TS", "AAA", OrderSide.SELL, 100, trail));
        assertThat(stop.status()).isEqualTo("accepted");
        assertThat(stop.orderType()).isEqualTo(OrderType.TRAILING_STOP);
        return broker;
    }

    private static BigDecimal stopOf(PaperBroker broker) {
        return broker.findByClientOrderId("E-1-TS").orElseThrow().stopPrice();
    }

    @Test
    void theStopFollowsTheHighsUpAndNeverComesDown() {
        PaperBroker broker = holdingWithTrail(Trail.percent(new BigDecimal("5")), 0);
        BrokerOrder start = broker.findByClientOrderId("E-1-TS").orElseThrow();
        assertThat(start.trailing().highWaterMark()).isEqualByComparingTo("50");
        assertThat(start.stopPrice()).isEqualByComparingTo("47.50");

        bar(50.5, 52.0, 50.2, 51.8);   // mark 52: stop 49.40
        assertThat(stopOf(broker)).isEqualByComparingTo("49.40");
        bar(51.0, 51.5, 49.6, 50.0);   // a lower high and a dip that stays above 49.40: nothing moves
        assertThat(stopOf(broker)).isEqualByComparingTo("49.40");
        bar(50.0, 54.0, 49.8, 53.9);   // mark 54: stop 51.30
        BrokerOrder after = broker.findByClientOrderId("E-1-TS").orElseThrow();
        assertThat(after.stopPrice()).isEqualByComparingTo("51.30");
        assertThat(after.trailing().highWaterMark()).isEqualByComparingTo("54");
        assertThat(after.status()).isEqualTo("accepted");
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", 100, new BigDecimal("50.0000")));
    }

    @Test
    void aLowThroughTheStopFillsAtTheStopAndClosesThePosition() {
        PaperBroker broker = holdingWithTrail(Trail.percent(new BigDecimal("5")), 0);
        bar(50.0, 54.0, 49.8, 53.9);
        assertThat(stopOf(broker)).isEqualByComparingTo("51.30");   // the broker works each bar as the cycle calls it
        bar(53.0, 53.5, 51.0, 51.2);   // low 51.00 reaches 51.30
        BrokerOrder filled = broker.findByClientOrderId("E-1-TS").orElseThrow();
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("51.30");
        assertThat(filled.filledQuantity()).isEqualTo(100);
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void theBarsHighMovesTheStopForTheNextBarOnly() {
        // the high of 60 would put the stop at 57; the low of 55 is checked against the stop from before the bar (47.50)
        PaperBroker broker = holdingWithTrail(Trail.percent(new BigDecimal("5")), 0);
        bar(56.0, 60.0, 55.0, 59.0);
        assertThat(broker.findByClientOrderId("E-1-TS").orElseThrow().status()).isEqualTo("accepted");
        assertThat(stopOf(broker)).isEqualByComparingTo("57.00");
    }

    @Test
    void aBarThatOpensThroughTheStopFillsAtTheOpenWithSlippage() {
        PaperBroker broker = holdingWithTrail(Trail.price(new BigDecimal("2.00")), 10);
        bar(50.0, 55.0, 49.9, 54.5);   // a 2.00 trail: mark 55, stop 53.00
        assertThat(stopOf(broker)).isEqualByComparingTo("53.00");
        bar(50.0, 50.5, 49.0, 49.5);   // gaps down through 53.00: the open, 50.00, less 10 bps
        BrokerOrder filled = broker.findByClientOrderId("E-1-TS").orElseThrow();
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("49.95");
    }

    @Test
    void theSameBarSeenAgainChangesNothing() {
        PaperBroker broker = holdingWithTrail(Trail.percent(new BigDecimal("5")), 0);
        bar(50.0, 54.0, 49.8, 53.9);   // stop 51.30
        // no new bar for three minutes: the latest is still the one in the mark, whose low (49.80) is under the new stop
        for (int i = 0; i < 3; i++) {
            now = now.plus(Duration.ofMinutes(1));
            assertThat(broker.findByClientOrderId("E-1-TS").orElseThrow().status()).isEqualTo("accepted");
        }
        assertThat(stopOf(broker)).isEqualByComparingTo("51.30");
    }

    @Test
    void whileTheTrailingStopHoldsTheSharesASecondSellIsRefused() {
        // as at Alpaca: the trailing stop and a take-profit limit cannot both hold the same shares
        PaperBroker broker = holdingWithTrail(Trail.percent(new BigDecimal("5")), 0);
        BrokerOrder target = broker.submit(new OrderRequest("E-1-TP", "AAA", OrderSide.SELL, 100, OrderType.LIMIT, new BigDecimal("60"), null, null));
        assertThat(target.status()).isEqualTo("rejected");
        assertThat(target.rejectReason()).contains("insufficient qty available");
    }

    @Test
    void aRestartOnTheSameBookGoesOnFromTheMark() {
        PaperBroker broker = holdingWithTrail(Trail.percent(new BigDecimal("5")), 0);
        bar(50.0, 54.0, 49.8, 53.9);   // stop 51.30
        assertThat(stopOf(broker)).isEqualByComparingTo("51.30");

        PaperBroker restarted = broker(0);
        BrokerOrder reloaded = restarted.findByClientOrderId("E-1-TS").orElseThrow();
        assertThat(reloaded.trailing().highWaterMark()).isEqualByComparingTo("54");
        assertThat(reloaded.stopPrice()).isEqualByComparingTo("51.30");
        bar(53.0, 53.5, 51.0, 51.2);   // triggers at 51.30 as it would have without the restart
        assertThat(restarted.findByClientOrderId("E-1-TS").orElseThrow().filledAveragePrice()).isEqualByComparingTo("51.30");
    }

    /** The book in memory, as the JDBC ledger keeps it (orders without their nested legs); PaperBrokerShortTrailingStopTest uses it too. */
    static final class MemoryLedger implements PaperLedger {
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
