package com.catalyst.adapters.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

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
 * A buy trailing stop covering a short in the paper broker, bar by bar on built OHLC series, the mirror image of
 * {@link PaperBrokerTrailingStopTest}: the low-water mark follows the lows and the stop the mark, never up; a high through
 * the stop covers at the stop, a bar that opens through it at the open plus the slippage; partial fills go on as a market
 * buy; the stop holds no buying power; a restart on the same book goes on from the mark.
 */
class PaperBrokerShortTrailingStopTest {

    // 10:00 in New York on a winter day
    private Instant now = Instant.parse("2026-02-10T15:00:00Z");
    private Quote quote;
    private final PaperBrokerTrailingStopTest.MemoryLedger ledger = new PaperBrokerTrailingStopTest.MemoryLedger();

    /** No commission: the prices asserted are the model's own. */
    private PaperBroker broker(double slippageBps, FillModel fills) {
        return new PaperBroker(s -> "AAA".equals(s) ? quote : null, () -> now, new BigDecimal("100000"), slippageBps, BigDecimal.ZERO,
                fills, ledger).shortSelling(true, List.of());
    }

    /** The next minute's bar: open, high, low, close. */
    private void bar(double open, double high, double low, double close) {
        now = now.plus(Duration.ofMinutes(1));
        quote = new Quote(close, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES), open, high, low);
    }

    /** 100 AAA sold short at 50 (all filled), then a buy trailing stop covering them: mark 50. */
    private PaperBroker shortWithTrail(Trail trail, double slippageBps, FillModel fills) {
        quote = new Quote(50.0, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES));
        PaperBroker broker = broker(slippageBps, fills);
        broker.submit(new OrderRequest("S-1", "AAA", OrderSide.SELL, 100, OrderType.MARKET, null, null, null));
        while (broker.findByClientOrderId("S-1").orElseThrow().open()) {
            bar(50.0, 50.0, 50.0, 50.0);
        }
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(-100));
        BrokerOrder stop = broker.submit(OrderRequest.trailingStop("S-1-TS", "AAA", OrderSide.BUY, 100, trail));
        assertThat(stop.status()).isEqualTo("accepted");
        assertThat(stop.side()).isEqualTo(OrderSide.BUY);
        assertThat(stop.orderType()).isEqualTo(OrderType.TRAILING_STOP);
        return broker;
    }

    private static BrokerOrder stopOf(PaperBroker broker) {
        return broker.findByClientOrderId("S-1-TS").orElseThrow();
    }

    @Test
    void theStopFollowsTheLowsDownAndNeverGoesUp() {
        PaperBroker broker = shortWithTrail(Trail.percent(new BigDecimal("5")), 0, FillModel.WHOLE);
        assertThat(stopOf(broker).trailing().highWaterMark()).as("Alpaca's hwm of a buy: the low-water mark").isEqualByComparingTo("50");
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("52.50");

        bar(49.5, 49.8, 48.0, 48.2);   // mark 48: stop 50.40
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("50.40");
        bar(48.5, 50.0, 48.4, 49.0);   // a higher low and a rise that stays under 50.40: nothing moves
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("50.40");
        bar(49.0, 49.5, 46.0, 46.1);   // mark 46: stop 48.30
        BrokerOrder after = stopOf(broker);
        assertThat(after.stopPrice()).isEqualByComparingTo("48.30");
        assertThat(after.trailing().highWaterMark()).isEqualByComparingTo("46");
        assertThat(after.status()).isEqualTo("accepted");
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -100, new BigDecimal("50.0000")));
    }

    @Test
    void aHighThroughTheStopCoversAtTheStopAndClosesTheShort() {
        PaperBroker broker = shortWithTrail(Trail.percent(new BigDecimal("5")), 0, FillModel.WHOLE);
        bar(49.0, 49.5, 46.0, 46.1);
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("48.30");
        bar(47.0, 48.5, 46.8, 48.4);   // high 48.50 reaches 48.30
        BrokerOrder filled = stopOf(broker);
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("48.30");
        assertThat(filled.filledQuantity()).isEqualTo(100);
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
        // sold at 50, covered at 48.30
        assertThat(broker.account().cash()).isEqualByComparingTo("100170");
    }

    @Test
    void theBarsLowMovesTheStopForTheNextBarOnly() {
        // the low of 40 would put the stop at 42; the high of 45 is checked against the stop from before the bar (52.50)
        PaperBroker broker = shortWithTrail(Trail.percent(new BigDecimal("5")), 0, FillModel.WHOLE);
        bar(44.0, 45.0, 40.0, 41.0);
        assertThat(stopOf(broker).status()).isEqualTo("accepted");
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("42.00");
    }

    @Test
    void aBarThatGapsUpThroughTheStopCoversAtTheOpenPlusSlippage() {
        PaperBroker broker = shortWithTrail(Trail.price(new BigDecimal("2.00")), 10, FillModel.WHOLE);
        // the trailing stop starts at the last price (50), not at the short's fill (50 less 10 bps)
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("52.00");
        bar(50.0, 50.2, 45.0, 45.5);   // a 2.00 trail: mark 45, stop 47.00
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("47.00");
        bar(50.0, 51.0, 49.5, 50.5);   // gaps up through 47.00: the open, 50.00, plus 10 bps
        BrokerOrder filled = stopOf(broker);
        assertThat(filled.status()).isEqualTo("filled");
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("50.05");
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void aCoverTriggeredInPartsGoesOnAsAMarketBuyAtTheNextBar() {
        PaperBroker broker = shortWithTrail(Trail.percent(new BigDecimal("5")), 0, new FillModel(60, 0));
        bar(49.0, 49.5, 46.0, 46.1);
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("48.30");   // the broker works each bar as the cycle calls it
        bar(47.0, 48.5, 46.8, 48.4);   // triggered: 60 shares at the stop
        BrokerOrder part = stopOf(broker);
        assertThat(part.status()).isEqualTo("partially_filled");
        assertThat(part.filledQuantity()).isEqualTo(60);
        assertThat(part.filledAveragePrice()).isEqualByComparingTo("48.30");
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(-40));
        bar(48.0, 48.2, 47.5, 47.9);   // under the stop again, but triggered once it stays a market buy: the close
        BrokerOrder done = stopOf(broker);
        assertThat(done.status()).isEqualTo("filled");
        assertThat(done.fills()).extracting(BrokerOrder.Fill::price).map(BigDecimal::toPlainString).containsExactly("48.3000", "47.9000");
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void theStopHoldsNoBuyingPower() {
        quote = new Quote(50.0, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES));
        PaperBroker broker = broker(0, FillModel.WHOLE);
        broker.submit(new OrderRequest("S-1", "AAA", OrderSide.SELL, 100, OrderType.MARKET, null, null, null));
        BigDecimal before = broker.account().buyingPower();
        broker.submit(OrderRequest.trailingStop("S-1-TS", "AAA", OrderSide.BUY, 100, Trail.percent(new BigDecimal("5"))));
        // a cover frees the short's margin when it fills; while it waits it spends nothing, as a long's sell stop does not
        assertThat(broker.account().buyingPower()).isEqualByComparingTo(before);
        // a plain buy of the same size waiting at a limit does hold buying power
        broker.submit(new OrderRequest("B-1", "AAA", OrderSide.BUY, 100, OrderType.LIMIT, new BigDecimal("40"), null, null));
        assertThat(broker.account().buyingPower()).isLessThan(before);
    }

    @Test
    void aRestartOnTheSameBookGoesOnFromTheLowWaterMark() {
        PaperBroker broker = shortWithTrail(Trail.percent(new BigDecimal("5")), 0, FillModel.WHOLE);
        bar(49.0, 49.5, 46.0, 46.1);   // stop 48.30
        assertThat(stopOf(broker).stopPrice()).isEqualByComparingTo("48.30");

        PaperBroker restarted = broker(0, FillModel.WHOLE);
        BrokerOrder reloaded = restarted.findByClientOrderId("S-1-TS").orElseThrow();
        assertThat(reloaded.trailing().highWaterMark()).isEqualByComparingTo("46");
        assertThat(reloaded.stopPrice()).isEqualByComparingTo("48.30");
        bar(47.0, 48.5, 46.8, 48.4);   // covers at 48.30 as it would have without the restart
        assertThat(restarted.findByClientOrderId("S-1-TS").orElseThrow().filledAveragePrice()).isEqualByComparingTo("48.30");
        assertThat(restarted.positions()).isEmpty();
    }
}
