package com.catalyst.market;

import java.time.Instant;

/**
 * Checks the bars of one symbol's stream before they reach the indicators, applying the rule of each
 * {@link BarIssue}: reject, or repair and keep. Counts every bar and every issue in a {@link BarIssueCounts}.
 * <p>
 * Holds the time of the last accepted bar to catch duplicates and disorder, so use one sanitizer per symbol
 * (they may share one counts object). Not thread-safe.
 */
public final class BarSanitizer {

    private final BarIssueCounts counts;
    private Instant lastAccepted;

    public BarSanitizer() {
        this(new BarIssueCounts());
    }

    public BarSanitizer(BarIssueCounts counts) {
        this.counts = counts;
    }

    /** Checks one bar; an accepted bar becomes the new reference for duplicates and order. */
    public BarVerdict check(Bar bar) {
        counts.recordChecked();
        BarIssue rejection = rejectionOf(bar);
        if (rejection != null) {
            counts.record(rejection);
            return BarVerdict.rejected(rejection);
        }
        lastAccepted = bar.time();
        double high = Math.max(bar.high(), Math.max(bar.open(), bar.close()));
        double low = Math.min(bar.low(), Math.min(bar.open(), bar.close()));
        if (high != bar.high() || low != bar.low()) {
            counts.record(BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE);
            return BarVerdict.repaired(new Bar(bar.time(), bar.open(), high, low, bar.close(), bar.volume()),
                    BarIssue.OPEN_OR_CLOSE_OUTSIDE_RANGE);
        }
        return BarVerdict.clean(bar);
    }

    public BarIssueCounts counts() {
        return counts;
    }

    private BarIssue rejectionOf(Bar bar) {
        if (bar == null || bar.time() == null) {
            return BarIssue.MISSING_TIME;
        }
        if (!Double.isFinite(bar.open()) || !Double.isFinite(bar.high())
                || !Double.isFinite(bar.low()) || !Double.isFinite(bar.close())) {
            return BarIssue.NON_FINITE_PRICE;
        }
        if (bar.open() <= 0 || bar.high() <= 0 || bar.low() <= 0 || bar.close() <= 0) {
            return BarIssue.NON_POSITIVE_PRICE;
        }
        if (bar.high() < bar.low()) {
            return BarIssue.HIGH_BELOW_LOW;
        }
        if (bar.volume() < 0) {
            return BarIssue.NEGATIVE_VOLUME;
        }
        if (bar.volume() == 0) {
            return BarIssue.ZERO_VOLUME;
        }
        if (lastAccepted != null && bar.time().equals(lastAccepted)) {
            return BarIssue.DUPLICATE_TIME;
        }
        if (lastAccepted != null && bar.time().isBefore(lastAccepted)) {
            return BarIssue.OUT_OF_ORDER;
        }
        return null;
    }
}
