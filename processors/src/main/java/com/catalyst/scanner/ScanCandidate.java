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

    /**
     * The raw figures and the watchlist marks as one JSON object, as {@code scan_results.scan_metadata} keeps them: each
     * figure to four decimals, written with a point whatever the locale. A figure is absent while its bars are missing:
     * the ATR warming up (fewer than 14 bars, possible when the ATR filter is off), or a watchlist symbol's momentum and
     * gap before it has the look-back or a previous close.
     */
    public String metadataJson() {
        StringBuilder metadata = new StringBuilder("{");
        figure(metadata, "momentum_percent", momentumPercent);
        figure(metadata, "relative_volume", relativeVolume);
        figure(metadata, "gap_percent", gapPercent);
        figure(metadata, "atr_percent", atrPercent);
        if (watchlist) {
            metadata.append(metadata.length() > 1 ? "," : "").append("\"watchlist\":true");
        }
        if (filteredBy != null) {
            metadata.append(",\"filtered_by\":\"").append(filteredBy).append('"');
        }
        return metadata.append('}').toString();
    }

    private static void figure(StringBuilder json, String name, double value) {
        if (Double.isFinite(value)) {
            json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", value));
        }
    }
}
