package com.catalyst.pattern;

/**
 * Turns geometric measurements into fit scores in [0, 1]: 1 is a textbook shape, 0 is the edge of
 * what a detector still accepts. A detector's confidence is the mean of its scores, so it is always
 * in [0, 1] and says how well the shape fits, not how likely the trade is to work.
 */
final class FitScore {

    private FitScore() {
    }

    static double clamp(double value) {
        // NaN (e.g. 0/0 on flat bars) counts as no evidence
        return Double.isNaN(value) ? 0.0 : Math.max(0.0, Math.min(1.0, value));
    }

    /** 0 at or below {@code zeroAt}, 1 at or above {@code fullAt}, linear between. */
    static double ramp(double value, double zeroAt, double fullAt) {
        return clamp((value - zeroAt) / (fullAt - zeroAt));
    }

    /** 1 inside [low, high], falling linearly to 0 at {@code slack} beyond either edge. */
    static double inBand(double value, double low, double high, double slack) {
        double outside = value < low ? low - value : (value > high ? value - high : 0.0);
        return clamp(1.0 - outside / slack);
    }

    /** 1 when {@code deviation} is 0, 0 when it reaches {@code tolerance}. */
    static double closeness(double deviation, double tolerance) {
        return clamp(1.0 - Math.abs(deviation) / tolerance);
    }

    static double mean(double... scores) {
        double sum = 0.0;
        for (double score : scores) {
            sum += clamp(score);
        }
        return scores.length == 0 ? 0.0 : clamp(sum / scores.length);
    }
}
