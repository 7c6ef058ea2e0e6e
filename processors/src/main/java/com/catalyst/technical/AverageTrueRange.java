package com.catalyst.technical;

/**
 * Wilder's ATR: Wilder-smoothed true range, seeded with the first bar's range (ta4j 0.17).
 * <p>
 * True range = max(high - low, |high - previous close|, |previous close - low|); the first bar has no
 * previous close, so its true range is high - low. Warm-up: NaN until {@code period} bars.
 */
public final class AverageTrueRange {

    private final ExponentialMovingAverage average;
    private double previousClose = Double.NaN;
    private double trueRange = Double.NaN;

    public AverageTrueRange(int period) {
        this.average = ExponentialMovingAverage.wilder(period);
    }

    /** Adds the next bar and returns {@link #value()}. */
    public double update(double high, double low, double close) {
        double range = Math.abs(high - low);
        if (!Double.isNaN(previousClose)) {
            range = Math.max(Math.max(range, Math.abs(high - previousClose)), Math.abs(previousClose - low));
        }
        trueRange = range;
        previousClose = close;
        return average.update(range);
    }

    public double value() {
        return average.value();
    }

    /** The latest bar's true range (NaN before the first bar). */
    public double trueRange() {
        return trueRange;
    }

    public boolean isReady() {
        return average.isReady();
    }
}
