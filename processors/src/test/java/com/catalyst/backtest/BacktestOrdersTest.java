package com.catalyst.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.adapters.paper.PaperLedger;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.trading.ExitPlanner;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.PositionForExit;

import com.catalyst.trading.OrderSide;
/**
 * A backtest's orders go through the paper broker as live ones do (issue 14's one order model): an entry is a bracket
 * whose stop and target the broker holds and works, with its partial fills and commission; the order sync applies each
 * fill once to the book; the exit planner leaves a bracketed position to its legs but at the end of the day, when the
 * exit cancels the legs and sells what the broker holds. Minute by minute on a stepped clock and hand-set quotes.
 */
class BacktestOrdersTest {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);
    private static final BigDecimal COMMISSION = new BigDecimal("0.01");

    private final Map<String, PaperBroker.Quote> quotes = new HashMap<>();
    private Instant now = minute(10);
    private final List<BacktestTrade> trades = new ArrayList<>();
    private long bar;

    private static Instant minute(int m) {
        return ZonedDateTime.of(DAY, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant().plusSeconds(60L * m);
    }

    /** The clock at session minute {@code m}, with the bar ending then: it opens at {@code open} and closes at {@code close}. */
    private void at(int m, double open, double close, long volume) {
        now = minute(m);
        bar = m;
        quotes.put("XYZ", new PaperBroker.Quote(close, volume, now, open, Math.max(open, close), Math.min(open, close)));
    }

    private PaperBroker broker(PaperBroker.FillModel fills) {
        return new PaperBroker(quotes::get, () -> now, new BigDecimal("100000"), 0, COMMISSION, fills, PaperLedger.none());
    }

    private static OrderIntent entry(String cycle, int quantity, String stop, String target) {
        return new OrderIntent("entry", cycle, OrderIntent.entryClientOrderId(cycle, "XYZ", OrderSide.BUY), "XYZ", OrderSide.BUY, quantity,
                new BigDecimal("100"), new BigDecimal(stop), new BigDecimal(target), new BigDecimal("200"), "breakout", null, null);
    }

    @Test
    void theBrokerHoldsTheBracketAndItsStopLegClosesThePosition() {
        PaperBroker broker = broker(PaperBroker.FillModel.WHOLE);
        BacktestBook book = new BacktestBook(new BigDecimal("100000"));
        BacktestOrders orders = new BacktestOrders(broker, book, symbol -> bar, trades::add);
        orders.session(DAY);
        ExitPlanner planner = new ExitPlanner(s -> quotes.get(s).price(), () -> 300, 5);

        at(10, 100, 100, 1_000_000);
        orders.send(entry("20260210-002", 100, "98", "104"));
        assertThat(book.openCount()).isEqualTo(1);

        // the next cycle's sync records the legs: the position's stop and target are the broker's now
        at(15, 100, 99.50, 1_000_000);
        orders.sync(300, 5);
        List<PositionForExit> rows = orders.open();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.brokerExits()).isTrue());
        assertThat(planner.exits("20260210-003", rows)).isEmpty();

        // the price falls through the stop between cycles: the broker's stop leg sells at the next look, at the close it works
        at(20, 99.50, 97.80, 1_000_000);
        orders.sync(300, 5);
        assertThat(book.openCount()).isZero();
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo("stop_loss");
            assertThat(t.exitPrice()).isEqualByComparingTo("97.80");
            assertThat(t.exitTime()).isEqualTo(minute(20));
            assertThat(t.entryPrice()).isEqualByComparingTo("100");
            assertThat(t.quantity()).isEqualTo(100);
            // (97.80 - 100) x 100 - the exit's commission (100 x 0.01)
            assertThat(t.realizedPnl()).isEqualByComparingTo("-221.00");
        });
        // the target leg was canceled with it (one-cancels-other), so nothing is left working
        assertThat(broker.openOrders()).isEmpty();
    }

    @Test
    void partialFillsGrowThePositionAndTheEndOfDayExitCancelsTheLegsAndSellsWhatIsHeld() {
        // at most 40 shares a fill: a 100-share entry takes three bars
        PaperBroker broker = broker(new PaperBroker.FillModel(40, 0));
        BacktestBook book = new BacktestBook(new BigDecimal("100000"));
        BacktestOrders orders = new BacktestOrders(broker, book, symbol -> bar, trades::add);
        orders.session(DAY);

        at(10, 100, 100, 1_000_000);
        orders.send(entry("20260210-002", 100, "90", "120"));
        // 40 filled on arrival: an answer only partly filled is recorded by the next order sync, as live
        assertThat(book.openCount()).isZero();
        // risk counts what may still fill of the working entry, at the last price (RiskDesk.workingOrders)
        assertThat(orders.workingEntries(s -> 100.0)).singleElement().satisfies(w -> assertThat(w.remainingQuantity()).isEqualTo(60));

        at(11, 100, 101, 1_000_000);
        orders.sync(300, 5);
        assertThat(orders.workingEntries(s -> 101.0)).singleElement().satisfies(w -> {
            assertThat(w.remainingQuantity()).isEqualTo(20);
            assertThat(w.price()).isEqualByComparingTo("101");
            assertThat(w.shortEntry()).isFalse();
        });
        assertThat(book.open()).singleElement().satisfies(r -> {
            assertThat(r.quantity()).isEqualTo(80);
            assertThat(r.entryPrice()).isEqualByComparingTo("100.5");
        });
        at(12, 101, 102, 1_000_000);
        orders.sync(300, 5);
        // 40 at 100, 40 at 101, 20 at 102: the average entry as the record rounds it
        assertThat(book.open()).singleElement().satisfies(r -> {
            assertThat(r.quantity()).isEqualTo(100);
            assertThat(r.entryPrice()).isEqualByComparingTo("100.8000");
        });

        // the flatten window: the planner closes the bracketed position; the exit cancels its legs first, then sells all 100
        at(386, 102, 103, 1_000_000);
        orders.sync(4, 5);
        ExitPlanner planner = new ExitPlanner(s -> quotes.get(s).price(), () -> 4, 5);
        List<OrderIntent> exits = planner.exits("20260210-077", orders.open());
        assertThat(exits).singleElement().satisfies(e -> assertThat(e.closeReason()).isEqualTo("end_of_day"));
        orders.send(exits.get(0));
        // the exit fills 40 now, the rest over the next bars; the partly filled answer waits for the next sync too
        assertThat(book.open()).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualTo(100));
        at(387, 103, 103, 1_000_000);
        orders.sync(3, 5);
        assertThat(book.open()).singleElement().satisfies(r -> assertThat(r.quantity()).isEqualTo(20));
        at(388, 103, 104, 1_000_000);
        orders.sync(2, 5);
        assertThat(book.openCount()).isZero();
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.exitTime()).isEqualTo(minute(388));
            assertThat(t.exitPrice()).isEqualByComparingTo("104");
            // the exit's own reason, though a later sync closed the position
            assertThat(t.exitReason()).isEqualTo("end_of_day");
            // 40 x (103 - 100.8) - 0.40 + 40 x (103 - 100.8) - 0.40 + 20 x (104 - 100.8) - 0.20
            assertThat(t.realizedPnl()).isEqualByComparingTo("239.00");
        });
        // an exit is no working entry
        assertThat(orders.workingEntries(s -> 104.0)).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void anExitThatFillsAtOnceKeepsThePlannersReason() {
        PaperBroker broker = broker(PaperBroker.FillModel.WHOLE);
        BacktestBook book = new BacktestBook(new BigDecimal("100000"));
        BacktestOrders orders = new BacktestOrders(broker, book, symbol -> bar, trades::add);
        orders.session(DAY);
        at(10, 100, 100, 1_000_000);
        orders.send(entry("20260210-002", 50, "90", "120"));
        at(386, 100, 101, 1_000_000);
        orders.sync(4, 5);
        ExitPlanner planner = new ExitPlanner(s -> quotes.get(s).price(), () -> 4, 5);
        orders.send(planner.exits("20260210-077", orders.open()).get(0));
        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.exitReason()).isEqualTo("end_of_day");
            assertThat(t.exitPrice()).isEqualByComparingTo("101");
        });
        // the legs were canceled before the sell, so the broker is flat with nothing working
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.positions()).isEmpty();
    }
}
