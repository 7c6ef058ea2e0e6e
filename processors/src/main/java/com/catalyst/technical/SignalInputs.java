package com.catalyst.technical;

/**
 * The latest indicator values the signal score reads. A NaN input contributes nothing to the score.
 *
 * @param sma20 the 20-bar simple average of the close (the Bollinger middle band with the default settings)
 */
public record SignalInputs(double close, double rsi, double macdLine, double macdSignal, double bollingerLower,
                           double bollingerUpper, double sma20, double stochasticK, double relativeVolume) {
}
