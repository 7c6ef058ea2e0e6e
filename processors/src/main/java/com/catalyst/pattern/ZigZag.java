package com.catalyst.pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds alternating swing highs and lows: an extreme becomes a swing once price has reversed from it
 * by at least {@code minReversal}. The rule behind every chart-pattern detector's "swing" (they pass
 * a multiple of {@link TypicalRange}), chosen over fixed-width fractals because it ignores wiggles
 * smaller than the reversal whatever their duration.
 */
final class ZigZag {

    private ZigZag() {
    }

    /** Swings of bars {@code from..to} (inclusive); the last swing is the running, unconfirmed extreme. */
    static List<Swing> swings(OrientedSeries s, int from, int to, double minReversal) {
        List<Swing> swings = new ArrayList<>(Math.max(0, to - from) + 1); // at most one swing a bar and the last: never regrown
        if (to <= from || minReversal <= 0) {
            return swings;
        }
        int highest = from;
        int lowest = from;
        int leg = 0; // +1 rising towards a top, -1 falling towards a bottom, 0 not known yet
        for (int i = from + 1; i <= to; i++) {
            if (leg == 0) {
                if (s.top(i) > s.top(highest)) {
                    highest = i;
                }
                if (s.bottom(i) < s.bottom(lowest)) {
                    lowest = i;
                }
                if (s.top(highest) - s.bottom(lowest) >= minReversal) {
                    // the earlier of the two extremes is the first swing
                    if (highest < lowest) {
                        swings.add(new Swing(highest, s.top(highest), true, true));
                        leg = -1;
                    } else {
                        swings.add(new Swing(lowest, s.bottom(lowest), false, true));
                        leg = 1;
                    }
                }
            } else if (leg > 0) {
                if (s.top(i) >= s.top(highest)) {
                    highest = i;
                } else if (s.top(highest) - s.bottom(i) >= minReversal) {
                    swings.add(new Swing(highest, s.top(highest), true, true));
                    leg = -1;
                    lowest = i;
                }
            } else {
                if (s.bottom(i) <= s.bottom(lowest)) {
                    lowest = i;
                } else if (s.top(i) - s.bottom(lowest) >= minReversal) {
                    swings.add(new Swing(lowest, s.bottom(lowest), false, true));
                    leg = 1;
                    highest = i;
                }
            }
        }
        if (leg > 0) {
            swings.add(new Swing(highest, s.top(highest), true, false));
        } else if (leg < 0) {
            swings.add(new Swing(lowest, s.bottom(lowest), false, false));
        }
        return swings;
    }
}
