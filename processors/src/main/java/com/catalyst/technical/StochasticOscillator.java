package com.catalyst.technical;

/**
 * Stochastic oscillator: %K = 100 x (close - lowest low) / (highest high - lowest low) over {@code kPeriod} bars,
 * %D = simple mean of the last {@code dPeriod} %K values (ta4j 0.17's K and D indicators).
 * <p>
 * Highest high and lowest low come from monotonic deques, O(1) amortized. When the high and low of the window
 * are equal the ratio is undefined and %K is NaN (ta4j's DoubleNum division by zero gives NaN too); %D is NaN
 * while any %K in its window is NaN and recovers afterwards. Warm-up: %K NaN until {@code kPeriod} bars,
 * %D until {@code kPeriod + dPeriod - 1} bars.
 */
public final class StochasticOscillator {

    private final int kPeriod;
    private final SlidingExtreme highestHigh;
    private final SlidingExtreme lowestLow;
    private final DoubleRing recentK;
    private double k = Double.NaN;

    public StochasticOscillator(int kPeriod, int dPeriod) {
        this.kPeriod = kPeriod;
        this.highestHigh = SlidingExtreme.maximum(kPeriod);
        this.lowestLow = SlidingExtreme.minimum(kPeriod);
        this.recentK = new DoubleRing(dPeriod);
    }

    /** Adds the next bar. */
    public void update(double high, double low, double close) {
        highestHigh.push(high);
        lowestLow.push(low);
        if (highestHigh.isFull()) {
            double lowest = lowestLow.value();
            double range = highestHigh.value() - lowest;
            k = range == 0 ? Double.NaN : (close - lowest) / range * 100;
            recentK.push(k);
        }
    }

    public double k() {
        return k;
    }

    public double d() {
        if (!recentK.isFull()) {
            return Double.NaN;
        }
        // dPeriod is small (3): summing the window each time is O(1) and, unlike a running sum, forgets a NaN
        double sum = 0;
        for (int i = 0; i < recentK.size(); i++) {
            sum += recentK.get(i);
        }
        return sum / recentK.size();
    }

    public boolean isReady() {
        return recentK.isFull();
    }

    public int kPeriod() {
        return kPeriod;
    }
}
