package com.catalyst.technical;

import java.time.Instant;
import java.util.List;

/**
 * The latest indicator values of one symbol after the bar at {@code time}. Immutable.
 * <p>
 * A value still in its warm-up is {@code Double.NaN} (not 0, which would read as a real reading); the
 * signal score is then {@link SignalScore#NOT_READY}: a NaN score and HOLD.
 */
public record IndicatorSnapshot(Instant time, double close, long barCount,
                                List<MovingAverageValue> sma, List<MovingAverageValue> ema,
                                double rsi, double macdLine, double macdSignal, double macdHistogram, double atr,
                                double bollingerUpper, double bollingerMiddle, double bollingerLower,
                                double stochasticK, double stochasticD, double vwap, double relativeVolume,
                                double score, Signal signal) {

    public IndicatorSnapshot {
        sma = List.copyOf(sma);
        ema = List.copyOf(ema);
    }

    /** The SMA of this period, NaN while warming up. */
    public double sma(int period) {
        return find(sma, period);
    }

    /** The EMA of this period, NaN while warming up. */
    public double ema(int period) {
        return find(ema, period);
    }

    /** True once the signal score has all of its inputs. */
    public boolean isSignalReady() {
        return !Double.isNaN(score);
    }

    private static double find(List<MovingAverageValue> averages, int period) {
        for (MovingAverageValue average : averages) {
            if (average.period() == period) {
                return average.value();
            }
        }
        throw new IllegalArgumentException("no moving average of period " + period + " in " + averages);
    }
}
