package com.catalyst.market;

import java.time.Instant;

/**
 * One OHLCV bar. {@code time} is the bar's end (the NinjaTrader and Alpaca-aggregate convention used by the data in data/).
 * Prices are doubles: bars feed indicators; money sent to a broker is BigDecimal elsewhere.
 */
public record Bar(Instant time, double open, double high, double low, double close, long volume) {

    /** Typical price (high + low + close) / 3, the VWAP input. */
    public double typicalPrice() {
        return (high + low + close) / 3.0;
    }
}
