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

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.BracketLeg;
/**
 * Short selling in the paper broker, bar by bar on built series: a sell to open makes a negative position; its bracket is
 * inverted (a buy stop above the entry, a buy limit below it, one-cancels-other); partial fills build the short; a buy
 * covers it; the cash takes the proceeds, the equity marks the short to the market and the buying power holds its value
 * as margin. Off, or for a hard-to-borrow symbol, a sell of shares not held is refused.
 */
class PaperBrokerShortTest {

    // 10:00 in New York on a winter day
    private Instant now = Instant.parse("2026-02-10T15:00:00Z");
    private Quote quote = new Quote(50.0, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES));
    private final PaperLedger ledger = PaperLedger.none();

    /** No slippage, no commission: the prices asserted are the model's own. */
    private PaperBroker broker(FillModel fills) {
        return new PaperBroker(s -> "AAA".equals(s) || "HTB".equals(s) ? quote : null, () -> now, new BigDecimal("100000"), 0, BigDecimal.ZERO,
                fills, ledger).shortSelling(true, List.of("htb"));
    }

    /** The next minute's bar, by its close (brackets work on closes). */
    private void bar(double close) {
        now = now.plus(Duration.ofMinutes(1));
        quote = new Quote(close, 1_000_000, now.truncatedTo(ChronoUnit.MINUTES));
    }

    private static OrderRequest shortBracket(String id, int quantity) {
        return new OrderRequest(id, "AAA", OrderSide.SELL, quantity, OrderType.MARKET, null, new BigDecimal("52.00"), new BigDecimal("46.00"));
    }

    @Test
    void withShortSellingOffASellOfSharesNotHeldIsRefused() {
        PaperBroker cash = new PaperBroker(s -> quote, () -> now, new BigDecimal("100000"), 0, BigDecimal.ZERO, FillModel.WHOLE, ledger);

        BrokerOrder refused = cash.submit(new OrderRequest("S-1", "AAA", OrderSide.SELL, 100, OrderType.MARKET, null, null, null));

        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.rejectReason()).contains("insufficient qty available").contains("short selling is off");
        assertThat(cash.positions()).isEmpty();
        assertThat(cash.borrow("AAA").lendable()).isFalse();
    }

    @Test
    void aHardToBorrowSymbolIsNotLentAndItsShortSaleIsRefused() {
        PaperBroker broker = broker(FillModel.WHOLE);

        assertThat(broker.borrow("AAA").lendable()).isTrue();
        assertThat(broker.borrow("HTB").shortable()).isTrue();
        assertThat(broker.borrow("HTB").easyToBorrow()).isFalse();
        BrokerOrder refused = broker.submit(new OrderRequest("S-1", "HTB", OrderSide.SELL, 10, OrderType.MARKET, null, null, null));
        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.rejectReason()).contains("HTB is not easy to borrow");
    }

    @Test
    void aShortBracketCoversAtItsTargetBelowAndCancelsItsStopAbove() {
        PaperBroker broker = broker(FillModel.WHOLE);

        BrokerOrder entry = broker.submit(shortBracket("S-1", 100));
        assertThat(entry.status()).isEqualTo("filled");
        assertThat(entry.filledAveragePrice()).isEqualByComparingTo("50");
        assertThat(entry.legs()).extracting(BrokerOrder::leg, BrokerOrder::side, BrokerOrder::orderType, BrokerOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BracketLeg.STOP_LOSS, OrderSide.BUY, OrderType.STOP, "accepted"),
                        org.assertj.core.groups.Tuple.tuple(BracketLeg.TAKE_PROFIT, OrderSide.BUY, OrderType.LIMIT, "accepted"));
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -100, new BigDecimal("50.0000")));
        // the proceeds are cash, but the short is marked against it: equity unchanged; its value is held twice from the buying power
        assertThat(broker.account().cash()).isEqualByComparingTo("105000");
        assertThat(broker.account().equity()).isEqualByComparingTo("100000");
        assertThat(broker.account().buyingPower()).isEqualByComparingTo("95000");

        bar(49.0);   // between the legs: nothing
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -100, new BigDecimal("50.0000")));
        assertThat(broker.account().equity()).isEqualByComparingTo("100100");   // marked at 49: 100 x 1 gained
        bar(51.9);   // under the stop at 52: still nothing
        assertThat(broker.findByClientOrderId("S-1-SL").orElseThrow().status()).isEqualTo("accepted");
        bar(45.5);   // at or under the target: the buy limit fills at the close, better than its limit
        BrokerOrder target = broker.findByClientOrderId("S-1-TP").orElseThrow();
        assertThat(target.status()).isEqualTo("filled");
        assertThat(target.filledAveragePrice()).isEqualByComparingTo("45.5");
        assertThat(broker.findByClientOrderId("S-1-SL").orElseThrow().status()).isEqualTo("canceled");
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.account().cash()).isEqualByComparingTo("100450");   // sold 5,000, bought back 4,550
        assertThat(broker.account().equity()).isEqualByComparingTo("100450");
    }

    @Test
    void aShortBracketStopsOutAboveItsEntry() {
        PaperBroker broker = broker(FillModel.WHOLE);
        broker.submit(shortBracket("S-1", 100));

        bar(51.0);
        bar(52.5);   // through the buy stop at 52: a market buy at the close, worse than the stop
        BrokerOrder stop = broker.findByClientOrderId("S-1-SL").orElseThrow();
        assertThat(stop.status()).isEqualTo("filled");
        assertThat(stop.filledAveragePrice()).isEqualByComparingTo("52.5");
        assertThat(broker.findByClientOrderId("S-1-TP").orElseThrow().status()).isEqualTo("canceled");
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.account().cash()).isEqualByComparingTo("99750");   // lost 2.50 a share
    }

    @Test
    void aShortBuiltInPartialFillsIsCoveredWhole() {
        PaperBroker broker = broker(new FillModel(40, 0));

        BrokerOrder first = broker.submit(new OrderRequest("S-1", "AAA", OrderSide.SELL, 100, OrderType.MARKET, null, null, null));
        assertThat(first.status()).isEqualTo("partially_filled");
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -40, new BigDecimal("50.0000")));
        bar(51.0);
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -80, new BigDecimal("50.5000")));
        bar(52.0);
        BrokerOrder done = broker.findByClientOrderId("S-1").orElseThrow();
        assertThat(done.status()).isEqualTo("filled");
        assertThat(done.fills()).extracting(BrokerOrder.Fill::quantity).containsExactly(40, 40, 20);
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -100, new BigDecimal("50.8000")));

        // the cover: a buy of what is short (40 a bar), not a long beyond it
        bar(50.0);
        assertThat(broker.submit(new OrderRequest("C-1", "AAA", OrderSide.BUY, 100, OrderType.MARKET, null, null, null)).filledQuantity()).isEqualTo(40);
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -60, new BigDecimal("50.8000")));
        bar(50.0);   // the broker works a bar when it is called during it, as the cycle calls it
        assertThat(broker.positions()).containsExactly(new BrokerPosition("AAA", -20, new BigDecimal("50.8000")));
        bar(50.0);
        assertThat(broker.findByClientOrderId("C-1").orElseThrow().status()).isEqualTo("filled");
        assertThat(broker.positions()).isEmpty();
        // sold 40 at 50, 40 at 51, 20 at 52 (5,080); bought back 100 at 50 (5,000)
        assertThat(broker.account().cash()).isEqualByComparingTo("100080");
    }

    @Test
    void aShortSaleBeyondTheBuyingPowerIsRefused() {
        PaperBroker broker = broker(FillModel.WHOLE);

        BrokerOrder tooBig = broker.submit(new OrderRequest("S-1", "AAA", OrderSide.SELL, 2_001, OrderType.MARKET, null, null, null));

        assertThat(tooBig.status()).isEqualTo("rejected");
        assertThat(tooBig.rejectReason()).contains("insufficient buying power for a short sale");
        assertThat(broker.submit(new OrderRequest("S-2", "AAA", OrderSide.SELL, 2_000, OrderType.MARKET, null, null, null)).status()).isEqualTo("filled");
    }
}
