package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure against numbers worked out by hand. The fixture: capital 10 000, six trades over three sessions
 * (January 2026, New York = UTC−5, so 15:00Z is 10:00 in New York):
 * <pre>
 *   #  day         symbol pattern    P&L      equity  peak  drawdown
 *   1  2026-01-05  AAPL   bull_flag  +300     300     300   0
 *   2  2026-01-05  MSFT   breakout   -100     200     300   100
 *   3  2026-01-06  AAPL   breakout   -250     -50     300   350   ← maximum drawdown
 *   4  2026-01-06  TSLA   bull_flag   +50       0     300   300
 *   5  2026-01-07  MSFT   bull_flag  +200     200     300   100
 *   6  2026-01-07  TSLA   (none)        0     200     300   100
 * </pre>
 * and two positions open at the end: NVDA 10 @ 100.00 (+25.50) and AMD 20 @ 50.25 (−10.00).
 */
class PerformanceCalculatorTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 5);
    static final LocalDate TO = LocalDate.of(2026, 1, 7);
    final PerformanceCalculator calculator = new PerformanceCalculator(new BigDecimal("10000"));

    static ClosedTrade trade(long id, String closedAt, String symbol, String pattern, String pnl) {
        Instant closed = Instant.parse(closedAt);
        return new ClosedTrade(id, symbol, pattern, "long", 10, new BigDecimal("100"), new BigDecimal("100"),
                new BigDecimal(pnl), closed.minusSeconds(600), closed);
    }

    static List<ClosedTrade> fixture() {
        List<ClosedTrade> trades = new ArrayList<>(List.of(
                trade(1, "2026-01-05T15:00:00Z", "AAPL", "bull_flag", "300.00"),
                trade(2, "2026-01-05T16:00:00Z", "MSFT", "breakout", "-100.00"),
                trade(3, "2026-01-06T15:00:00Z", "AAPL", "breakout", "-250.00"),
                trade(4, "2026-01-06T16:00:00Z", "TSLA", "bull_flag", "50.00"),
                trade(5, "2026-01-07T15:00:00Z", "MSFT", "bull_flag", "200.00"),
                trade(6, "2026-01-07T16:00:00Z", "TSLA", "none", "0.00")));
        // handed over shuffled: the calculator must order by close time itself
        java.util.Collections.reverse(trades);
        return trades;
    }

    static List<OpenPosition> open() {
        return List.of(new OpenPosition("NVDA", "breakout", 10, new BigDecimal("100.00"), new BigDecimal("25.50")),
                new OpenPosition("AMD", "none", 20, new BigDecimal("50.25"), new BigDecimal("-10.00")));
    }

    @Test
    void countsAndMoney() {
        PerformanceReport r = calculator.calculate("period", FROM, TO, fixture(), open());
        assertThat(r.tradesClosed()).isEqualTo(6);
        assertThat(r.wins()).isEqualTo(3);                                       // +300, +50, +200
        assertThat(r.losses()).isEqualTo(2);                                     // −100, −250; the flat trade is neither
        assertThat(r.realizedPnl()).isEqualByComparingTo("200.00");              // 550 − 350
        assertThat(r.unrealizedPnl()).isEqualByComparingTo("15.50");             // 25.50 − 10.00
        assertThat(r.winRate()).isEqualTo(0.5);                                  // 3 / 6
        assertThat(r.averageWin()).isEqualByComparingTo("183.33");              // 550 / 3 = 183.333…
        assertThat(r.averageLoss()).isEqualByComparingTo("-175.00");            // −350 / 2
        assertThat(r.profitFactor()).isCloseTo(1.571428571, within(1e-9));      // 550 / 350
        assertThat(r.expectancy()).isEqualByComparingTo("33.33");               // 200 / 6 = 33.333…
        assertThat(r.openPositions()).isEqualTo(2);
        assertThat(r.exposure()).isEqualByComparingTo("2005.00");               // 10 × 100 + 20 × 50.25
    }

    @Test
    void drawdownFollowsTheEquityCurveInCloseOrder() {
        PerformanceReport r = calculator.calculate("period", FROM, TO, fixture(), open());
        assertThat(r.maxDrawdown()).isEqualByComparingTo("350.00");             // peak 300 → trough −50
        assertThat(r.equityCurve()).extracting(p -> p.equity().intValue()).containsExactly(300, 200, -50, 0, 200, 200);
        assertThat(r.equityCurve()).extracting(p -> p.drawdown().intValue()).containsExactly(0, 100, 350, 300, 100, 100);
        assertThat(r.trades()).extracting(ClosedTrade::positionId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void sharpeAndSortinoFromDailyReturnsAnnualizedBySqrt252() {
        PerformanceReport r = calculator.calculate("period", FROM, TO, fixture(), open());
        // daily P&L +200, −200, +200 on 10 000 → returns 0.02, −0.02, 0.02; mean 1/150
        // sample sd = √(((0.04/3)² · 2 + (0.08/3)²) / 2) = 0.04/√3; mean/sd = √3/6; × √252 = √756/6 = 4.582576
        assertThat(r.tradingDays()).isEqualTo(3);
        assertThat(r.sharpe()).isCloseTo(4.582576, within(1e-6));
        // downside deviation = √(0.02² / 3) = 0.02/√3; mean/dd = √3/3; × √252 = √756/3 = 9.165151
        assertThat(r.sortino()).isCloseTo(9.165151, within(1e-6));
    }

    @Test
    void breakdownsPerSymbolAndPerPattern() {
        PerformanceReport r = calculator.calculate("period", FROM, TO, fixture(), open());
        assertThat(r.bySymbol()).extracting(Breakdown::key).containsExactly("AAPL", "MSFT", "TSLA");
        assertThat(r.bySymbol().get(0).realizedPnl()).isEqualByComparingTo("50.00");    // 300 − 250
        assertThat(r.bySymbol().get(1).realizedPnl()).isEqualByComparingTo("100.00");   // −100 + 200
        assertThat(r.bySymbol().get(2).realizedPnl()).isEqualByComparingTo("50.00");    // 50 + 0
        assertThat(r.bySymbol().get(2).winRate()).isEqualTo(0.5);                       // 1 win of 2
        assertThat(r.byPattern()).extracting(Breakdown::key).containsExactly("breakout", "bull_flag", "none");
        Breakdown breakout = r.byPattern().get(0);
        assertThat(breakout.trades()).isEqualTo(2);
        assertThat(breakout.losses()).isEqualTo(2);
        assertThat(breakout.realizedPnl()).isEqualByComparingTo("-350.00");            // −100 − 250
        Breakdown flag = r.byPattern().get(1);
        assertThat(flag.wins()).isEqualTo(3);
        assertThat(flag.realizedPnl()).isEqualByComparingTo("550.00");                 // 300 + 50 + 200
        assertThat(flag.winRate()).isEqualTo(1.0);
    }

    @Test
    void aDayWithoutTradesIsAnEmptyReportNotAnError() {
        PerformanceReport r = calculator.calculate("daily", FROM, FROM, List.of(), List.of());
        assertThat(r.tradesClosed()).isZero();
        assertThat(r.realizedPnl()).isEqualByComparingTo("0");
        assertThat(r.winRate()).isZero();
        assertThat(r.averageWin()).isEqualByComparingTo("0");
        assertThat(r.profitFactor()).isZero();
        assertThat(r.maxDrawdown()).isEqualByComparingTo("0");
        assertThat(r.sharpe()).isNull();
        assertThat(r.bySymbol()).isEmpty();
        assertThat(r.equityCurve()).isEmpty();
    }

    @Test
    void ratiosNeedingMoreDataAreNull() {
        // one day only: no Sharpe or Sortino; wins only: the profit factor is unbounded
        List<ClosedTrade> oneDay = List.of(trade(1, "2026-01-05T15:00:00Z", "AAPL", "bull_flag", "300.00"),
                trade(2, "2026-01-05T16:00:00Z", "AAPL", "bull_flag", "100.00"));
        PerformanceReport r = calculator.calculate("daily", FROM, FROM, oneDay, List.of());
        assertThat(r.tradingDays()).isEqualTo(1);
        assertThat(r.sharpe()).isNull();
        assertThat(r.sortino()).isNull();
        assertThat(r.profitFactor()).isNull();
        assertThat(r.maxDrawdown()).isEqualByComparingTo("0");
    }

    @Test
    void aLateEveningCloseBelongsToItsNewYorkSession() {
        // 2026-01-06T03:00Z is 22:00 on 2026-01-05 in New York: same session as trade 1, so one day only
        List<ClosedTrade> trades = List.of(trade(1, "2026-01-05T15:00:00Z", "AAPL", "x", "10"),
                trade(2, "2026-01-06T03:00:00Z", "AAPL", "x", "-5"));
        assertThat(calculator.calculate("p", FROM, TO, trades, List.of()).tradingDays()).isEqualTo(1);
    }

    @Test
    void aLongPeriodListsAThinnedCurveAndNoTradesButComputesOverAll() {
        // listing at most 4: the 6 points thin to every 2nd (#2, #4, #6), the figures stay those of all 6 trades
        PerformanceReport r = calculator.calculate("period", FROM, TO, fixture(), open(), 4);
        assertThat(r.trades()).isEmpty();
        assertThat(r.equityCurve()).extracting(p -> p.equity().intValue()).containsExactly(200, 0, 200);
        assertThat(r.maxDrawdown()).isEqualByComparingTo("350.00");
        assertThat(r.tradesClosed()).isEqualTo(6);
    }
}
