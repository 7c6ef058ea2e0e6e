package com.catalyst.scanner;

/**
 * A ranked symbol with every component of its score (0–100 each) and the raw figures the filters judged (momentum,
 * relative volume, gap and ATR, each in percent or as a ratio), so a trader can see why it ranked where it did.
 * Composite = 0.3·catalyst + 0.2·momentum + 0.2·volume + 0.3·technical (the earlier implementation's weights).
 * <p>
 * {@code watchlist}: the symbol is on the trader's watchlist. {@code filteredBy}: the {@link ScanFilter#key()} of the
 * first filter it failed, for a watchlist symbol ranked although a filter dropped it (null when it passed them all);
 * such a symbol is reported, never traded (docs/architecture.md, "The watchlist").
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
        int rank,
        boolean watchlist,
        String filteredBy) {

    /** A candidate of the ranking alone: not on the watchlist, every filter passed. */
    public ScanCandidate(String symbol, double price, long volume, double momentumPercent, double relativeVolume, double gapPercent,
                         double atrPercent, double momentumScore, double volumeScore, double catalystScore, double technicalScore,
                         double compositeScore, int rank) {
        this(symbol, price, volume, momentumPercent, relativeVolume, gapPercent, atrPercent, momentumScore, volumeScore, catalystScore,
                technicalScore, compositeScore, rank, false, null);
    }

    public static double composite(double catalyst, double momentum, double volume, double technical) {
        return 0.3 * catalyst + 0.2 * momentum + 0.2 * volume + 0.3 * technical;
    }

    public ScanCandidate withCatalyst(double catalyst) {
        return new ScanCandidate(symbol, price, volume, momentumPercent, relativeVolume, gapPercent, atrPercent, momentumScore, volumeScore,
                catalyst, technicalScore, composite(catalyst, momentumScore, volumeScore, technicalScore), rank, watchlist, filteredBy);
    }

    public ScanCandidate withRank(int newRank) {
        return new ScanCandidate(symbol, price, volume, momentumPercent, relativeVolume, gapPercent, atrPercent, momentumScore, volumeScore,
                catalystScore, technicalScore, compositeScore, newRank, watchlist, filteredBy);
    }

    /** The same candidate marked as on the watchlist, with the filter that dropped it (null: it passed them all). */
    public ScanCandidate onWatchlist(String failedFilter) {
        return new ScanCandidate(symbol, price, volume, momentumPercent, relativeVolume, gapPercent, atrPercent, momentumScore, volumeScore,
                catalystScore, technicalScore, compositeScore, rank, true, failedFilter);
    }

    /** Whether the candidate passed every filter and may go on through the cycle (news, pattern, technical, risk). */
    public boolean tradeable() {
        return filteredBy == null;
    }
}
