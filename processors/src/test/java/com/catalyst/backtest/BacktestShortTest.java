package com.catalyst.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.trading.ExitSettings;
import com.catalyst.trading.Trail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pattern strategy with shorts allowed, on the real SPY minutes of data/: bearish findings become shorts, each
 * covered by its stop above, its target below or the end of the day, with a short's P&L; in a trailing exit mode by its
 * trailing stop over the low-water mark too; off, no run holds a short.
 */
class BacktestShortTest {

    static BacktestData spy;

    @BeforeAll
    static void load() {
        spy = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
    }

    @Test
    void bearishFindingsAreTradedShortWithAShortsExitsAndPnl() {
        BacktestResult result = new BacktestEngine(spy, Configs.defaults(BacktestConfig.PATTERN).withShorts(true)).run(BacktestListener.NONE);

        List<BacktestTrade> shorts = result.trades().stream().filter(t -> "short".equals(t.side())).toList();
        assertThat(shorts).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stopPrice()).isGreaterThan(t.targetPrice());
            assertThat(t.realizedPnl()).isEqualByComparingTo(t.entryPrice().subtract(t.exitPrice()).multiply(BigDecimal.valueOf(t.quantity()))
                    .subtract(t.commission()).setScale(2, RoundingMode.HALF_UP));
            assertThat(t.exitReason()).isIn("stop_loss", "take_profit", "end_of_day");
            if ("take_profit".equals(t.exitReason())) {
                assertThat(t.exitPrice()).isLessThanOrEqualTo(t.targetPrice());
            }
            if ("stop_loss".equals(t.exitReason())) {
                assertThat(t.exitPrice()).isGreaterThanOrEqualTo(t.stopPrice());
            }
            // nothing is held overnight, shorts included
            assertThat(t.exitTime().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate())
                    .isEqualTo(t.entryTime().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate());
        });
        assertThat(result.openAtEnd()).isEmpty();
        // the long trades still come as before
        assertThat(result.trades()).anySatisfy(t -> assertThat(t.side()).isEqualTo("long"));
        // and the report (the run's page and figures) lists each trade with its own side
        assertThat(result.performance(result.trades().size()).trades()).extracting(com.catalyst.reporting.ClosedTrade::side)
                .containsExactlyElementsOf(result.trades().stream().map(BacktestTrade::side).toList());
    }

    @Test
    void inATrailingModeAShortIsCoveredByItsTrailingStopOverTheLowWaterMark() {
        BacktestConfig shorts = Configs.defaults(BacktestConfig.PATTERN).withShorts(true);
        BacktestResult bracket = new BacktestEngine(spy, shorts).run(BacktestListener.NONE);
        BacktestResult trailing = new BacktestEngine(spy, shorts.withExit(ExitSettings.of("trailing-percent", 0.1, 2))).run(BacktestListener.NONE);

        assertThat(bracket.trades()).noneSatisfy(t -> assertThat(t.exitReason()).isEqualTo("trailing_stop"));
        List<BacktestTrade> trailed = trailing.trades().stream().filter(t -> "short".equals(t.side()) && "trailing_stop".equals(t.exitReason()))
                .toList();
        assertThat(trailed).as("shorts covered by their trailing stop").isNotEmpty();
        Trail trail = Trail.percent(new BigDecimal("0.1"));
        for (BacktestTrade t : trailed) {
            // the low-water mark: the fill, then each bar's low after it up to the cycle that covered
            BigDecimal mark = t.entryPrice();
            for (Bar b : spy.market().session(t.symbol(), t.entryTime().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate())) {
                if (b.time().isAfter(t.entryTime()) && !b.time().isAfter(t.exitTime())) {
                    mark = mark.min(BigDecimal.valueOf(b.low()));
                }
            }
            BigDecimal stop = trail.stopAbove(mark);
            assertThat(stop).as("trade %d: the trailing stop counts only under the fixed stop (the ceiling)", t.tradeNo())
                    .isLessThan(t.stopPrice());
            assertThat(t.exitPrice()).as("trade %d: covered at or over its trailing stop %s", t.tradeNo(), stop).isGreaterThanOrEqualTo(stop);
            assertThat(t.realizedPnl()).isEqualByComparingTo(t.entryPrice().subtract(t.exitPrice()).multiply(BigDecimal.valueOf(t.quantity()))
                    .subtract(t.commission()).setScale(2, RoundingMode.HALF_UP));
        }
        // the same bearish findings are entered either way: the exit mode changes nothing before the fill
        assertThat(trailing.trades().stream().filter(t -> "short".equals(t.side())).map(BacktestTrade::entryTime).findFirst())
                .isEqualTo(bracket.trades().stream().filter(t -> "short".equals(t.side())).map(BacktestTrade::entryTime).findFirst());
    }

    @Test
    void withShortsOffNoRunHoldsAShort() {
        BacktestResult result = new BacktestEngine(spy, Configs.defaults(BacktestConfig.PATTERN)).run(BacktestListener.NONE);
        assertThat(result.trades()).isNotEmpty().allSatisfy(t -> assertThat(t.side()).isEqualTo("long"));
    }
}
