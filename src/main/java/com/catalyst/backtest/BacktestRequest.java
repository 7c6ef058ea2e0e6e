package com.catalyst.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * A request to run a backtest ({@code POST /api/v1/backtests}, the MCP tool {@code start_backtest}, scripts/backtest.sh).
 * Every field is optional: what is left out comes from {@code catalyst.backtest.*} and the live settings.
 */
public record BacktestRequest(String strategy, List<String> symbols, LocalDate from, LocalDate to, String file, String dataDir,
                              Integer cycleMinutes, Integer emaFast, Integer emaSlow, Integer atrPeriod, Double atrMultiple, String mode,
                              String exitMode, Double trailPercent, Double trailAtrMultiple) {

    /** Without the exit fields: the run exits as catalyst.trading.exit.* says. */
    public BacktestRequest(String strategy, List<String> symbols, LocalDate from, LocalDate to, String file, String dataDir,
                           Integer cycleMinutes, Integer emaFast, Integer emaSlow, Integer atrPeriod, Double atrMultiple, String mode) {
        this(strategy, symbols, from, to, file, dataDir, cycleMinutes, emaFast, emaSlow, atrPeriod, atrMultiple, mode, null, null, null);
    }
}
