package com.catalyst.technical;

import java.time.ZoneId;
import java.util.List;

/**
 * Parameters of an {@link IndicatorSet}. {@link #defaults()} gives the periods the scanner uses.
 *
 * @param smaPeriods             simple moving averages to keep, e.g. 9, 20, 50, 200
 * @param emaPeriods             exponential moving averages to keep
 * @param bollingerWidth         band distance in population standard deviations
 * @param relativeVolumeLookback bars in the average that relative volume divides by
 * @param sessionZone            time zone whose calendar day anchors the VWAP
 */
public record IndicatorSettings(List<Integer> smaPeriods, List<Integer> emaPeriods, int rsiPeriod,
                                int macdFast, int macdSlow, int macdSignal, int atrPeriod,
                                int bollingerPeriod, double bollingerWidth, int stochasticK, int stochasticD,
                                int relativeVolumeLookback, ZoneId sessionZone) {

    public static final ZoneId US_EASTERN = ZoneId.of("America/New_York");

    public IndicatorSettings {
        smaPeriods = List.copyOf(smaPeriods);
        emaPeriods = List.copyOf(emaPeriods);
        for (int period : smaPeriods) {
            requirePositive("SMA period", period);
        }
        for (int period : emaPeriods) {
            requirePositive("EMA period", period);
        }
        requirePositive("RSI period", rsiPeriod);
        requirePositive("MACD fast period", macdFast);
        requirePositive("MACD signal period", macdSignal);
        requirePositive("ATR period", atrPeriod);
        requirePositive("Bollinger period", bollingerPeriod);
        requirePositive("Stochastic %K period", stochasticK);
        requirePositive("Stochastic %D period", stochasticD);
        requirePositive("relative volume lookback", relativeVolumeLookback);
        if (macdFast >= macdSlow) {
            throw new IllegalArgumentException("MACD fast period must be shorter than the slow one");
        }
    }

    /** SMA and EMA 9/20/50/200, RSI 14, MACD 12/26/9, ATR 14, Bollinger 20 x 2, Stochastic 14/3, volume 20, US/Eastern. */
    public static IndicatorSettings defaults() {
        List<Integer> averages = List.of(9, 20, 50, 200);
        return new IndicatorSettings(averages, averages, 14, 12, 26, 9, 14, 20, 2.0, 14, 3, 20, US_EASTERN);
    }

    /** The same settings with other moving-average periods. */
    public IndicatorSettings withAveragePeriods(List<Integer> sma, List<Integer> ema) {
        return new IndicatorSettings(sma, ema, rsiPeriod, macdFast, macdSlow, macdSignal, atrPeriod, bollingerPeriod,
                bollingerWidth, stochasticK, stochasticD, relativeVolumeLookback, sessionZone);
    }

    /** Bars needed before every input of the signal score is out of its warm-up (34 with the defaults). */
    public int signalWarmUpBars() {
        int macd = macdSlow + macdSignal - 1;
        return Math.max(Math.max(rsiPeriod + 1, macd),
                Math.max(Math.max(bollingerPeriod, stochasticK), relativeVolumeLookback + 1));
    }

    /** Bars needed before every value of the snapshot is out of its warm-up (200 with the defaults). */
    public int fullWarmUpBars() {
        int longest = Math.max(signalWarmUpBars(), Math.max(atrPeriod, stochasticK + stochasticD - 1));
        for (int period : smaPeriods) {
            longest = Math.max(longest, period);
        }
        for (int period : emaPeriods) {
            longest = Math.max(longest, period);
        }
        return longest;
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }
}
