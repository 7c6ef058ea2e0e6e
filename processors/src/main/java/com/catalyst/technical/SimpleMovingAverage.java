package com.catalyst.technical;

/**
 * Simple moving average of the last {@code period} inputs, O(1) per update from a running sum.
 * <p>
 * Warm-up: NaN until {@code period} inputs have been seen (ta4j 0.17 reports a partial mean instead).
 * The running sum is recomputed from the window every {@code period} updates, which costs O(1) amortized
 * and stops rounding error from accumulating over millions of bars.
 */
public final class SimpleMovingAverage {

    private final int period;
    private final DoubleRing window;
    private double sum;
    private int updatesSinceResum;

    public SimpleMovingAverage(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        this.window = new DoubleRing(period);
    }

    /** Adds the next input and returns the average (NaN while warming up). */
    public double update(double value) {
        boolean wasFull = window.isFull();
        double evicted = window.push(value);
        // same order of operations as ta4j's running total: add the newest, then drop the oldest
        sum = wasFull ? (sum + value) - evicted : sum + value;
        if (++updatesSinceResum == period) {
            updatesSinceResum = 0;
            double exact = 0;
            for (int i = 0; i < window.size(); i++) {
                exact += window.get(i);
            }
            sum = exact;
        }
        return value();
    }

    /** The average of the last {@code period} inputs, or NaN before there are that many. */
    public double value() {
        return window.isFull() ? sum / period : Double.NaN;
    }

    public boolean isReady() {
        return window.isFull();
    }

    public int period() {
        return period;
    }
}
