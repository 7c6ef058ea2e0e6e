package com.catalyst.technical;

/**
 * Exponential average {@code avg += (x - avg) * alpha}, O(1) per update.
 * <p>
 * {@link #ema(int)} uses alpha = 2 / (period + 1); {@link #wilder(int)} uses alpha = 1 / period (Wilder's
 * smoothing, ta4j's MMA, also called RMA or SMMA). The default seed is {@link AverageSeed#FIRST_VALUE},
 * as in ta4j 0.17 and its spreadsheets. Warm-up: {@link #value()} is NaN until {@code period} inputs.
 */
public final class ExponentialMovingAverage {

    private final int period;
    private final double alpha;
    private final AverageSeed seed;
    private double average = Double.NaN;
    private double seedSum;
    private long count;

    public ExponentialMovingAverage(int period, double alpha, AverageSeed seed) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.period = period;
        this.alpha = alpha;
        this.seed = seed;
    }

    /** EMA with alpha 2 / (period + 1), seeded with the first value. */
    public static ExponentialMovingAverage ema(int period) {
        return new ExponentialMovingAverage(period, 2.0 / (period + 1), AverageSeed.FIRST_VALUE);
    }

    public static ExponentialMovingAverage ema(int period, AverageSeed seed) {
        return new ExponentialMovingAverage(period, 2.0 / (period + 1), seed);
    }

    /** Wilder's smoothing, alpha 1 / period, seeded with the first value. */
    public static ExponentialMovingAverage wilder(int period) {
        return new ExponentialMovingAverage(period, 1.0 / period, AverageSeed.FIRST_VALUE);
    }

    public static ExponentialMovingAverage wilder(int period, AverageSeed seed) {
        return new ExponentialMovingAverage(period, 1.0 / period, seed);
    }

    /** Adds the next input and returns {@link #value()}. */
    public double update(double value) {
        count++;
        if (seed == AverageSeed.SIMPLE_AVERAGE && count <= period) {
            seedSum += value;
            average = count == period ? seedSum / period : Double.NaN;
        } else if (count == 1) {
            average = value;
        } else {
            // ta4j's operation order, so that results agree to the last bits rather than to 1e-12
            average = (value - average) * alpha + average;
        }
        return value();
    }

    /** The average once {@code period} inputs have been seen, else NaN. */
    public double value() {
        return count >= period ? average : Double.NaN;
    }

    /**
     * The running average including the warm-up (NaN before the seed exists). Composite indicators such as
     * MACD feed this into later stages from the first bar, exactly as ta4j chains its indicators.
     */
    public double current() {
        return average;
    }

    public boolean isReady() {
        return count >= period;
    }

    public int period() {
        return period;
    }
}
