package com.catalyst.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.trading.ExitSettings;

/**
 * The exit mode in a backtest, on a built session where it must matter: a slow fall, a one-hour rise that stops short
 * of the target, a sharp turn, then a slow fall. The bracket holds through the turn until the EMAs cross back; the
 * trailing stop, which the run's paper broker holds once the entry filled (as live), sells near the top, at a better
 * price, with exit reason {@code trailing_stop}.
 */
class BacktestTrailingExitTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 2, 10);

    /** Closes by minute; each bar opens at the previous close and reaches 3 cents beyond both. */
    static BacktestData riseAndTurn() {
        Instant open = ZonedDateTime.of(SESSION, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
        List<Bar> bars = new ArrayList<>();
        double previous = 100;
        for (int m = 1; m <= 390; m++) {
            double close = m <= 60 ? 100 - 0.02 * m
                    : m <= 120 ? 98.8 + 0.06 * (m - 60)
                    : m <= 130 ? 102.4 - 0.15 * (m - 120)
                    : 100.9 - 0.01 * (m - 130);
            close = Math.round(close * 100) / 100.0;
            bars.add(new Bar(open.plusSeconds(60L * m), previous, Math.max(previous, close) + 0.03, Math.min(previous, close) - 0.03, close,
                    50_000));
            previous = close;
        }
        return BacktestData.of("built", Map.of("TRL", Map.of(SESSION, bars)), List.of("TRL"), null, null);
    }

    /** EMA 9/21 with the stop 20 ATRs away, so the target (twice as far) is out of reach and only the exits differ. */
    static BacktestConfig config(ExitSettings exit) {
        BacktestConfig d = Configs.defaults(BacktestConfig.EMA_CROSS);
        return new BacktestConfig(d.strategy(), d.mode(), d.funnel(), d.scanner(), d.risk(), d.startingCash(), 0, BigDecimal.ZERO,
                d.flattenMinutesBeforeClose(), d.cycleMinutes(), 9, 21, 14, 20, exit);
    }

    @Test
    void aTrailingStopSellsNearTheTopWhereTheBracketHoldsThroughTheTurn() {
        BacktestResult bracket = new BacktestEngine(riseAndTurn(), config(ExitSettings.BRACKET)).run(BacktestListener.NONE);
        BacktestResult trailing = new BacktestEngine(riseAndTurn(), config(ExitSettings.of("trailing-percent", 0.3, 2)))
                .run(BacktestListener.NONE);

        assertThat(bracket.trades()).hasSize(1);
        assertThat(trailing.trades()).hasSize(1);
        BacktestTrade held = bracket.trades().get(0);
        BacktestTrade trailed = trailing.trades().get(0);
        // the same entry: the exit mode changes nothing before the fill
        assertThat(trailed.entryTime()).isEqualTo(held.entryTime());
        assertThat(trailed.entryPrice()).isEqualByComparingTo(held.entryPrice());
        assertThat(held.exitReason()).isNotEqualTo("trailing_stop");
        assertThat(trailed.exitReason()).isEqualTo("trailing_stop");
        // the paper broker holds the trailing stop, as live: its mark is the top's high (102.43), its stop 0.3 % under it
        // 102.1227; the turn's first bar (low 102.22) stays above it, the second (open 102.25, low 102.07) reaches it and
        // the broker sells at the stop (no slippage here)
        assertThat(trailed.exitPrice()).isEqualByComparingTo("102.1227").isGreaterThan(held.exitPrice());
        assertThat(trailed.exitTime()).isBefore(held.exitTime());
        assertThat(trailed.realizedPnl()).isGreaterThan(held.realizedPnl());
    }

    @Test
    void theAtrTrailIsFixedAtTheEntryFromTheAtrRiskRecorded() {
        BacktestResult trailing = new BacktestEngine(riseAndTurn(), config(ExitSettings.of("trailing-atr", 2, 2))).run(BacktestListener.NONE);
        assertThat(trailing.trades()).singleElement().satisfies(t -> assertThat(t.exitReason()).isEqualTo("trailing_stop"));
    }
}
