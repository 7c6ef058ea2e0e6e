package com.catalyst.backtest;

import java.math.BigDecimal;

import com.catalyst.risk.RiskLimits;
import com.catalyst.scanner.ScannerSettings;
import com.catalyst.workflow.FunnelSizes;
import com.catalyst.workflow.TradingMode;

/**
 * Everything a run decides with, taken from the same settings the live pipeline uses (catalyst.risk.*, catalyst.broker.*,
 * catalyst.scanner.*, catalyst.funnel.*, the mode) plus the backtest's own: the strategy and its parameters.
 *
 * @param strategy     {@code pattern} (the live cycle's funnel) or {@code ema-cross}
 * @param cycleMinutes the pattern strategy runs a cycle every this many session minutes (the live timer's cadence)
 * @param emaFast      ema-cross: the fast EMA period
 * @param emaSlow      ema-cross: the slow EMA period
 * @param atrPeriod    ema-cross: the ATR period of the stop
 * @param atrMultiple  ema-cross: the stop sits this many ATRs below the entry
 */
public record BacktestConfig(String strategy, TradingMode mode, FunnelSizes funnel, ScannerSettings scanner, RiskLimits risk,
                             BigDecimal startingCash, double slippageBps, BigDecimal commissionPerShare,
                             long flattenMinutesBeforeClose, int cycleMinutes,
                             int emaFast, int emaSlow, int atrPeriod, double atrMultiple) {

    public static final String PATTERN = "pattern";
    public static final String EMA_CROSS = "ema-cross";

    public BacktestConfig {
        if (!PATTERN.equals(strategy) && !EMA_CROSS.equals(strategy)) {
            throw new BacktestInputException("strategy must be pattern or ema-cross, got '" + strategy + "'");
        }
        if (cycleMinutes < 1 || cycleMinutes > 390) {
            throw new BacktestInputException("cycle_minutes must be between 1 and 390, got " + cycleMinutes);
        }
        if (emaFast < 1 || emaSlow <= emaFast) {
            throw new BacktestInputException("ema-cross needs 1 <= fast < slow, got fast " + emaFast + " and slow " + emaSlow);
        }
        if (atrPeriod < 1 || !(atrMultiple > 0)) {
            throw new BacktestInputException("ema-cross needs a positive ATR period and multiple, got " + atrPeriod + " and " + atrMultiple);
        }
    }

    public BacktestConfig withStrategy(String name) {
        return new BacktestConfig(name, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare,
                flattenMinutesBeforeClose, cycleMinutes, emaFast, emaSlow, atrPeriod, atrMultiple);
    }
}
