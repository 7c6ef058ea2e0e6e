package com.catalyst.technical;

/**
 * Stochastic RSI: where the RSI stands within its own range over the last {@code period} RSI values,
 * (RSI - lowest RSI) / (highest RSI - lowest RSI), a ratio in 0..1 as ta4j 0.17's {@code StochasticRSIIndicator}.
 * <p>
 * Warm-up: NaN until {@code period} RSI values exist, i.e. {@code 2 x period} bars; NaN when the RSI range is 0.
 */
public final class StochasticRsi {

    private final RelativeStrengthIndex rsi;
    private final SlidingExtreme highest;
    private final SlidingExtreme lowest;
    private double value = Double.NaN;

    public StochasticRsi(int period) {
        this.rsi = new RelativeStrengthIndex(period);
        this.highest = SlidingExtreme.maximum(period);
        this.lowest = SlidingExtreme.minimum(period);
    }

    /** Adds the next close and returns {@link #value()}. */
    public double update(double close) {
        double current = rsi.update(close);
        if (rsi.isReady()) {
            highest.push(current);
            lowest.push(current);
        }
        if (highest.isFull()) {
            double range = highest.value() - lowest.value();
            value = range == 0 ? Double.NaN : (current - lowest.value()) / range;
        }
        return value;
    }

    public double value() {
        return value;
    }

    public boolean isReady() {
        return highest.isFull();
    }
}
