package com.catalyst.workflow;

import java.util.Locale;

/**
 * The earlier implementation's mode table: news sentiment threshold, pattern minimum confidence, size multiplier
 * and RSI band per mode.
 */
public enum TradingMode {
    AGGRESSIVE(0.2, 0.5, 1.5, 25, 75),
    NORMAL(0.3, 0.6, 1.0, 30, 70),
    CONSERVATIVE(0.5, 0.7, 0.5, 35, 65);

    private final double sentimentThreshold;
    private final double patternMinConfidence;
    private final double sizeMultiplier;
    private final double rsiLow;
    private final double rsiHigh;

    TradingMode(double sentimentThreshold, double patternMinConfidence, double sizeMultiplier, double rsiLow, double rsiHigh) {
        this.sentimentThreshold = sentimentThreshold;
        this.patternMinConfidence = patternMinConfidence;
        this.sizeMultiplier = sizeMultiplier;
        this.rsiLow = rsiLow;
        this.rsiHigh = rsiHigh;
    }

    public static TradingMode of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("mode must be aggressive, normal or conservative, got '" + name + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double sentimentThreshold() {
        return sentimentThreshold;
    }

    public double patternMinConfidence() {
        return patternMinConfidence;
    }

    public double sizeMultiplier() {
        return sizeMultiplier;
    }

    public double rsiLow() {
        return rsiLow;
    }

    public double rsiHigh() {
        return rsiHigh;
    }
}
