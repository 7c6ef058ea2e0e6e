package com.catalyst.technical;

/**
 * A 0-100 score that adds up simple rules over the indicators, and the signal it implies.
 * <p>
 * Start at 50 (no opinion). Oversold/overbought oscillators push towards a reversal: RSI below 30 +20, above 70
 * -20; close below the lower Bollinger band +15, above the upper band -15; Stochastic %K below 20 +10, above 80
 * -10. Trend rules push with the trend: MACD line above its signal +15, below -15; close above SMA20 +10, below
 * -10. Relative volume above 1.5 adds +5 (participation, as in the earlier implementation). The sum is clamped
 * to 0..100; 70 or more is BUY, 30 or less SELL, anything else HOLD. RSI carries the most weight because it is
 * the smoothest of the oscillators; the trend rules are weighted so that a strong trend can outvote a single
 * oscillator's reversal call but not two of them.
 */
public record SignalScore(double value, Signal signal) {

    /** Score of a symbol whose indicators are still warming up: no number, and no reason to act. */
    public static final SignalScore NOT_READY = new SignalScore(Double.NaN, Signal.HOLD);

    static final double NEUTRAL = 50;
    static final double RSI_WEIGHT = 20;
    static final double MACD_WEIGHT = 15;
    static final double BOLLINGER_WEIGHT = 15;
    static final double SMA_WEIGHT = 10;
    static final double STOCHASTIC_WEIGHT = 10;
    static final double VOLUME_WEIGHT = 5;
    static final double BUY_AT = 70;
    static final double SELL_AT = 30;

    /** Applies the rules to complete inputs; comparisons with a NaN input are false, so it adds nothing. */
    public static SignalScore of(SignalInputs in) {
        double score = NEUTRAL;
        score += in.rsi() < 30 ? RSI_WEIGHT : in.rsi() > 70 ? -RSI_WEIGHT : 0;
        score += in.macdLine() > in.macdSignal() ? MACD_WEIGHT : in.macdLine() < in.macdSignal() ? -MACD_WEIGHT : 0;
        score += in.close() < in.bollingerLower() ? BOLLINGER_WEIGHT : in.close() > in.bollingerUpper() ? -BOLLINGER_WEIGHT : 0;
        score += in.close() > in.sma20() ? SMA_WEIGHT : in.close() < in.sma20() ? -SMA_WEIGHT : 0;
        score += in.stochasticK() < 20 ? STOCHASTIC_WEIGHT : in.stochasticK() > 80 ? -STOCHASTIC_WEIGHT : 0;
        score += in.relativeVolume() > 1.5 ? VOLUME_WEIGHT : 0;
        double clamped = Math.max(0, Math.min(100, score));
        return new SignalScore(clamped, signalFor(clamped));
    }

    static Signal signalFor(double score) {
        return score >= BUY_AT ? Signal.BUY : score <= SELL_AT ? Signal.SELL : Signal.HOLD;
    }

    public boolean isReady() {
        return !Double.isNaN(value);
    }
}
