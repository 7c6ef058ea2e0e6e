package com.catalyst.scanner;

/**
 * A ranked symbol with every component of its score (0–100 each) and the raw figures the filters judged (momentum,
 * relative volume, gap and ATR, each in percent or as a ratio), so a trader can see why it ranked where it did.
 * Composite = 0.3·catalyst + 0.2·momentum + 0.2·volume + 0.3·technical (the earlier implementation's weights).
 */
public record ScanCandidate(
        String symbol,
        double price,
        long volume,
        double momentumPercent,
        double relativeVolume,
        double gapPercent,
        double atrPercent,
        double momentumScore,
        double volumeScore,
        double catalystScore,
        double technicalScore,
        double compositeScore,
        int rank) {

    public static double composite(double catalyst, double momentum, double volume, double technical) {
        return 0.3 * catalyst + 0.2 * momentum + 0.2 * volume + 0.3 * technical;
    }

    public ScanCandidate withCatalyst(double catalyst) {
        return new ScanCandidate(symbol, price, volume, momentumPercent, relativeVolume, gapPercent, atrPercent, momentumScore, volumeScore,
                catalyst, technicalScore, composite(catalyst, momentumScore, volumeScore, technicalScore), rank);
    }

    public ScanCandidate withRank(int newRank) {
        return new ScanCandidate(symbol, price, volume, momentumPercent, relativeVolume, gapPercent, atrPercent, momentumScore, volumeScore,
                catalystScore, technicalScore, compositeScore, newRank);
    }
}
