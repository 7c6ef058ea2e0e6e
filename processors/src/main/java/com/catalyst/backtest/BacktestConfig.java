package com.catalyst.backtest;

import java.math.BigDecimal;

import com.catalyst.adapters.paper.PaperBroker;

import com.catalyst.risk.RiskLimits;
import com.catalyst.trading.ExitSettings;
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
 * @param exit         how entries exit: the bracket's fixed stop and target, or a trailing stop (catalyst.trading.exit.*)
 * @param allowShort   whether bearish findings become short entries, as live with catalyst.trading.allow-short
 * @param fills        the paper broker's partial fills (catalyst.broker.max-fill-quantity and max-volume-share, as live)
 */
public record BacktestConfig(String strategy, TradingMode mode, FunnelSizes funnel, ScannerSettings scanner, RiskLimits risk,
                             BigDecimal startingCash, double slippageBps, BigDecimal commissionPerShare,
                             long flattenMinutesBeforeClose, int cycleMinutes,
                             int emaFast, int emaSlow, int atrPeriod, double atrMultiple, ExitSettings exit, boolean allowShort,
                             PaperBroker.FillModel fills) {

    public static final String PATTERN = "pattern";
    public static final String EMA_CROSS = "ema-cross";
    /** The longest EMA or ATR period a request may ask for: a year of session minutes. */
    public static final int MAX_PERIOD = 98_280;
    public static final double MAX_ATR_MULTIPLE = 100;

    /** Whole fills (no partial-fill caps). */
    public BacktestConfig(String strategy, TradingMode mode, FunnelSizes funnel, ScannerSettings scanner, RiskLimits risk,
                          BigDecimal startingCash, double slippageBps, BigDecimal commissionPerShare,
                          long flattenMinutesBeforeClose, int cycleMinutes, int emaFast, int emaSlow, int atrPeriod, double atrMultiple,
                          ExitSettings exit, boolean allowShort) {
        this(strategy, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare, flattenMinutesBeforeClose, cycleMinutes,
                emaFast, emaSlow, atrPeriod, atrMultiple, exit, allowShort, PaperBroker.FillModel.WHOLE);
    }

    /** Long entries only (catalyst.trading.allow-short off). */
    public BacktestConfig(String strategy, TradingMode mode, FunnelSizes funnel, ScannerSettings scanner, RiskLimits risk,
                          BigDecimal startingCash, double slippageBps, BigDecimal commissionPerShare,
                          long flattenMinutesBeforeClose, int cycleMinutes, int emaFast, int emaSlow, int atrPeriod, double atrMultiple,
                          ExitSettings exit) {
        this(strategy, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare, flattenMinutesBeforeClose, cycleMinutes,
                emaFast, emaSlow, atrPeriod, atrMultiple, exit, false);
    }

    /** With the bracket's exits. */
    public BacktestConfig(String strategy, TradingMode mode, FunnelSizes funnel, ScannerSettings scanner, RiskLimits risk,
                          BigDecimal startingCash, double slippageBps, BigDecimal commissionPerShare,
                          long flattenMinutesBeforeClose, int cycleMinutes, int emaFast, int emaSlow, int atrPeriod, double atrMultiple) {
        this(strategy, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare, flattenMinutesBeforeClose, cycleMinutes,
                emaFast, emaSlow, atrPeriod, atrMultiple, ExitSettings.BRACKET, false);
    }

    public BacktestConfig {
        exit = exit == null ? ExitSettings.BRACKET : exit;
        fills = fills == null ? PaperBroker.FillModel.WHOLE : fills;
        if (!PATTERN.equals(strategy) && !EMA_CROSS.equals(strategy)) {
            throw new BacktestInputException("strategy must be pattern or ema-cross, got '" + strategy + "'");
        }
        if (cycleMinutes < 1 || cycleMinutes > 390) {
            throw new BacktestInputException("cycle_minutes must be between 1 and 390, got " + cycleMinutes);
        }
        // a period longer than a year of minutes never warms up; a stop 100 ATRs away is no stop
        if (emaFast < 1 || emaSlow <= emaFast || emaSlow > MAX_PERIOD) {
            throw new BacktestInputException("ema-cross needs 1 <= fast < slow <= " + MAX_PERIOD + ", got fast " + emaFast + " and slow " + emaSlow);
        }
        if (atrPeriod < 1 || atrPeriod > MAX_PERIOD || !(atrMultiple > 0 && atrMultiple <= MAX_ATR_MULTIPLE)) {
            throw new BacktestInputException("ema-cross needs an ATR period of 1 to " + MAX_PERIOD + " and a multiple above 0 and at most "
                    + MAX_ATR_MULTIPLE + ", got " + atrPeriod + " and " + atrMultiple);
        }
    }

    public BacktestConfig withStrategy(String name) {
        return new BacktestConfig(name, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare,
                flattenMinutesBeforeClose, cycleMinutes, emaFast, emaSlow, atrPeriod, atrMultiple, exit, allowShort, fills);
    }

    public BacktestConfig withExit(ExitSettings newExit) {
        return new BacktestConfig(strategy, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare,
                flattenMinutesBeforeClose, cycleMinutes, emaFast, emaSlow, atrPeriod, atrMultiple, newExit, allowShort, fills);
    }

    /** The same run with short entries allowed or not (the pattern strategy's bearish findings; catalyst.trading.allow-short). */
    public BacktestConfig withShorts(boolean shorts) {
        return new BacktestConfig(strategy, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare,
                flattenMinutesBeforeClose, cycleMinutes, emaFast, emaSlow, atrPeriod, atrMultiple, exit, shorts, fills);
    }

    /** The same run with the paper broker's partial-fill caps. */
    public BacktestConfig withFills(PaperBroker.FillModel newFills) {
        return new BacktestConfig(strategy, mode, funnel, scanner, risk, startingCash, slippageBps, commissionPerShare,
                flattenMinutesBeforeClose, cycleMinutes, emaFast, emaSlow, atrPeriod, atrMultiple, exit, allowShort, newFills);
    }
}
