package com.catalyst.technical;

import java.time.Instant;

/** The latest indicator values of one symbol, its signal score (0–100) and whether it passed the mode's filter and why. */
public record TechnicalReading(
        String symbol, Instant barTime, double price,
        double rsi, double macd, double macdSignal, double macdHistogram,
        double sma20, double ema9, double ema21, double atr,
        double bollingerUpper, double bollingerMiddle, double bollingerLower,
        double vwap, double stochasticK, double stochasticD, double volumeRatio,
        double signalScore, String signal, boolean passed, String reason) {
}
