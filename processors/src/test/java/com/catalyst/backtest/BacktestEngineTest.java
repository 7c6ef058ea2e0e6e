package com.catalyst.backtest;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.market.clock.TradingClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on the real SPY minutes of data/: determinism, the bars accounted for, and the live rules visible in the trades. */
class BacktestEngineTest {

    static BacktestData spy;

    @BeforeAll
    static void load() {
        spy = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
    }

    @Test
    void theSameRunTwiceGivesTheSameTradesBarForBarAndTheSameEquityCurve() {
        for (String strategy : List.of(BacktestConfig.PATTERN, BacktestConfig.EMA_CROSS)) {
            BacktestResult first = new BacktestEngine(spy, Configs.defaults(strategy)).run(BacktestListener.NONE);
            BacktestResult second = new BacktestEngine(spy, Configs.defaults(strategy)).run(BacktestListener.NONE);
            assertThat(first.trades()).as(strategy + " trades").isNotEmpty().containsExactlyElementsOf(second.trades());
            assertThat(first.equity()).as(strategy + " equity").hasSize(43).containsExactlyElementsOf(second.equity());
            assertThat(first.finalEquity()).isEqualByComparingTo(second.finalEquity());
        }
    }

    @Test
    void everyBarIsReplayedAndReportedToTheListener() {
        List<Long> progress = new ArrayList<>();
        List<BacktestTrade> heard = new ArrayList<>();
        BacktestResult result = new BacktestEngine(spy, Configs.defaults(BacktestConfig.EMA_CROSS)).run(new BacktestListener() {
            @Override
            public void progress(long barsDone, long barsTotal) {
                assertThat(barsTotal).isEqualTo(spy.barsInRange());
                progress.add(barsDone);
            }

            @Override
            public void trade(BacktestTrade trade) {
                heard.add(trade);
            }
        });
        assertThat(result.bars()).isEqualTo(43 * 390).isEqualTo(spy.barsInRange());
        assertThat(progress).isSorted().last().isEqualTo(result.bars());
        assertThat(heard).containsExactlyElementsOf(result.trades());
    }

    @Test
    void theLiveRulesShowInTheTrades() {
        BacktestResult result = new BacktestEngine(spy, Configs.defaults(BacktestConfig.PATTERN)).run(BacktestListener.NONE);
        assertThat(result.trades()).isNotEmpty().allSatisfy(t -> {
            ZonedDateTime in = t.entryTime().atZone(TradingClock.EXCHANGE_ZONE);
            ZonedDateTime out = t.exitTime().atZone(TradingClock.EXCHANGE_ZONE);
            // no entry in the first 5 or the last 15 minutes; flat 5 minutes before the close; nothing held overnight
            assertThat(in.toLocalTime()).isAfterOrEqualTo(TradingClock.REGULAR_OPEN.plusMinutes(5)).isBeforeOrEqualTo(TradingClock.REGULAR_CLOSE.minusMinutes(15));
            assertThat(out.toLocalDate()).isEqualTo(in.toLocalDate());
            assertThat(out.toLocalTime()).isBeforeOrEqualTo(TradingClock.REGULAR_CLOSE.minusMinutes(5));
            assertThat(t.exitReason()).isIn("stop_loss", "take_profit", "end_of_day");
            // entries at the ask side of 2 bps slippage, the stop below and the target above the fill
            assertThat(t.stopPrice()).isLessThan(t.entryPrice());
            assertThat(t.targetPrice()).isGreaterThan(t.entryPrice());
            assertThat(t.exitBar()).isGreaterThan(t.entryBar());
            assertThat(t.quantity() * t.entryPrice().doubleValue()).isLessThanOrEqualTo(0.2 * 110_000);
        });
        // the pattern strategy runs a cycle every 5 minutes: 78 a session
        assertThat(result.cycles()).isEqualTo(43 * 78);
    }
}
