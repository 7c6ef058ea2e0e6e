package com.catalyst.technical;

/**
 * Bollinger Bands: middle = SMA(period) of the close, upper/lower = middle +/- k x standard deviation.
 * <p>
 * The deviation is the <b>population</b> standard deviation (divide by {@code period}, not {@code period - 1}),
 * as ta4j 0.17's {@code StandardDeviationIndicator} and Bollinger's own definition. Updates are O(1): the window
 * keeps sums of deviations from a shift value close to the mean, so the variance does not cancel
 * catastrophically (prices ~100, deviations ~0.01); every {@code period} updates the shift moves to the current
 * mean and the sums are recomputed from the window (O(1) amortized), which also stops rounding drift.
 * Warm-up: NaN until {@code period} closes.
 */
public final class BollingerBands {

    private final int period;
    private final double k;
    private final DoubleRing window;
    private double shift = Double.NaN;
    private double deviationSum;
    private double squaredDeviationSum;
    private int updatesSinceRecentre;

    public BollingerBands(int period, double k) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.period = period;
        this.k = k;
        this.window = new DoubleRing(period);
    }

    /** Adds the next close. */
    public void update(double close) {
        if (Double.isNaN(shift)) {
            shift = close;
        }
        boolean wasFull = window.isFull();
        double evicted = window.push(close);
        double added = close - shift;
        deviationSum += added;
        squaredDeviationSum += added * added;
        if (wasFull) {
            double removed = evicted - shift;
            deviationSum -= removed;
            squaredDeviationSum -= removed * removed;
        }
        if (++updatesSinceRecentre == period) {
            updatesSinceRecentre = 0;
            recentre();
        }
    }

    private void recentre() {
        shift = mean();
        deviationSum = 0;
        squaredDeviationSum = 0;
        for (int i = 0; i < window.size(); i++) {
            double d = window.get(i) - shift;
            deviationSum += d;
            squaredDeviationSum += d * d;
        }
    }

    private double mean() {
        return shift + deviationSum / window.size();
    }

    public double middle() {
        return window.isFull() ? mean() : Double.NaN;
    }

    /** Population standard deviation of the window. */
    public double deviation() {
        if (!window.isFull()) {
            return Double.NaN;
        }
        double meanDeviation = deviationSum / period;
        double variance = squaredDeviationSum / period - meanDeviation * meanDeviation;
        return Math.sqrt(Math.max(variance, 0));
    }

    public double upper() {
        return middle() + k * deviation();
    }

    public double lower() {
        return middle() - k * deviation();
    }

    public boolean isReady() {
        return window.isFull();
    }
}
