package com.catalyst.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import com.catalyst.market.clock.TradingClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pattern strategy with shorts allowed, on the real SPY minutes of data/: bearish findings become shorts, each
 * covered by its stop above, its target below or the end of the day, with a short's P&L; off, no run holds a short.
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
    }

    @Test
    void withShortsOffNoRunHoldsAShort() {
        BacktestResult result = new BacktestEngine(spy, Configs.defaults(BacktestConfig.PATTERN)).run(BacktestListener.NONE);
        assertThat(result.trades()).isNotEmpty().allSatisfy(t -> assertThat(t.side()).isEqualTo("long"));
    }
}
