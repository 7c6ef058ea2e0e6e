package com.catalyst.technical;

/**
 * Wilder's RSI: 100 - 100 / (1 + averageGain / averageLoss), both averages Wilder-smoothed.
 * <p>
 * Seeding as in ta4j 0.17 ({@link AverageSeed#FIRST_VALUE}): the first bar contributes a gain and a loss of 0
 * and seeds both averages. With {@link AverageSeed#SIMPLE_AVERAGE} the first bar contributes nothing and the
 * averages start as the means of the first {@code period} changes (Wilder's book, StockCharts).
 * When the average loss is 0 the RSI is 100, or 0 if the average gain is 0 too (ta4j's rule).
 * Warm-up: NaN until {@code period} price changes, i.e. {@code period + 1} bars.
 */
public final class RelativeStrengthIndex {

    private final int period;
    private final AverageSeed seed;
    private final ExponentialMovingAverage averageGain;
    private final ExponentialMovingAverage averageLoss;
    private double previous = Double.NaN;
    private long count;

    public RelativeStrengthIndex(int period) {
        this(period, AverageSeed.FIRST_VALUE);
    }

    public RelativeStrengthIndex(int period, AverageSeed seed) {
        this.period = period;
        this.seed = seed;
        this.averageGain = ExponentialMovingAverage.wilder(period, seed);
        this.averageLoss = ExponentialMovingAverage.wilder(period, seed);
    }

    /** Adds the next close and returns {@link #value()}. */
    public double update(double close) {
        count++;
        if (count == 1) {
            if (seed == AverageSeed.FIRST_VALUE) {
                averageGain.update(0);
                averageLoss.update(0);
            }
        } else {
            double change = close - previous;
            averageGain.update(change > 0 ? change : 0);
            averageLoss.update(change < 0 ? -change : 0);
        }
        previous = close;
        return value();
    }

    public double value() {
        if (count <= period) {
            return Double.NaN;
        }
        double gain = averageGain.current();
        double loss = averageLoss.current();
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    public boolean isReady() {
        return count > period;
    }
}
