package com.catalyst.technical;

/**
 * MACD: line = EMA(fast) - EMA(slow) of the close, signal = EMA(signalPeriod) of the line, histogram = line - signal.
 * <p>
 * All three averages are seeded with their first input and run from the first bar, as ta4j 0.17 chains them.
 * Warm-up: the line is NaN until {@code slow} bars; signal and histogram until {@code slow + signal - 1} bars.
 */
public final class MovingAverageConvergenceDivergence {

    private final int slowPeriod;
    private final int signalPeriod;
    private final ExponentialMovingAverage fast;
    private final ExponentialMovingAverage slow;
    private final ExponentialMovingAverage signal;
    private double line = Double.NaN;
    private long count;

    public MovingAverageConvergenceDivergence(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException("fast period " + fastPeriod + " must be shorter than slow period " + slowPeriod);
        }
        this.slowPeriod = slowPeriod;
        this.signalPeriod = signalPeriod;
        this.fast = ExponentialMovingAverage.ema(fastPeriod);
        this.slow = ExponentialMovingAverage.ema(slowPeriod);
        this.signal = ExponentialMovingAverage.ema(signalPeriod);
    }

    /** Adds the next close. */
    public void update(double close) {
        count++;
        fast.update(close);
        slow.update(close);
        line = fast.current() - slow.current();
        signal.update(line);
    }

    public double line() {
        return count >= slowPeriod ? line : Double.NaN;
    }

    public double signal() {
        return isReady() ? signal.current() : Double.NaN;
    }

    public double histogram() {
        return isReady() ? line - signal.current() : Double.NaN;
    }

    /** True once the signal line, the last stage, is out of its warm-up. */
    public boolean isReady() {
        return count >= slowPeriod + signalPeriod - 1L;
    }
}
