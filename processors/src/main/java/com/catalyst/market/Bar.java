package com.catalyst.market;

import java.time.Instant;

/**
 * One OHLCV bar. {@code time} is the bar's end (the NinjaTrader and Alpaca-aggregate convention used by the data in data/).
 * Prices are doubles: bars feed indicators; money sent to a broker is BigDecimal elsewhere.
 */
public record Bar(Instant time, double open, double high, double low, double close, long volume) {

    /**
     * The bars as one: the first open, the highest high, the lowest low, the last close and the summed volume, stamped
     * with the last bar's end (a session's daily bar from its minutes).
     */
    public static Bar aggregate(java.util.List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars to aggregate");
        }
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        long volume = 0;
        for (Bar bar : bars) {
            high = Math.max(high, bar.high());
            low = Math.min(low, bar.low());
            volume += bar.volume();
        }
        Bar last = bars.get(bars.size() - 1);
        return new Bar(last.time(), bars.get(0).open(), high, low, last.close(), volume);
    }

    /** Typical price (high + low + close) / 3, the VWAP input. */
    public double typicalPrice() {
        return (high + low + close) / 3.0;
    }
}
