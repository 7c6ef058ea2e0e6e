package com.catalyst.technical;

import java.time.Instant;

import com.catalyst.market.Bar;

/**
 * One bar of the technical API's series with the indicator values after it. A value still in its warm-up is null
 * (left out of the JSON), never 0, which would read as a real reading.
 */
public record TechnicalPoint(
        Instant time, double open, double high, double low, double close, long volume,
        Double sma20, Double ema9, Double ema21, Double rsi, Double macd, Double macdSignal, Double macdHistogram,
        Double atr, Double bollingerUpper, Double bollingerMiddle, Double bollingerLower, Double vwap,
        Double stochasticK, Double stochasticD, Double volumeRatio, Double signalScore, String signal) {

    static TechnicalPoint of(Bar bar, IndicatorSnapshot s) {
        return new TechnicalPoint(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
                set(s.sma(20)), set(s.ema(9)), set(s.ema(21)), set(s.rsi()), set(s.macdLine()), set(s.macdSignal()),
                set(s.macdHistogram()), set(s.atr()), set(s.bollingerUpper()), set(s.bollingerMiddle()), set(s.bollingerLower()),
                set(s.vwap()), set(s.stochasticK()), set(s.stochasticD()), set(s.relativeVolume()), set(s.score()),
                s.signal().name());
    }

    private static Double set(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
