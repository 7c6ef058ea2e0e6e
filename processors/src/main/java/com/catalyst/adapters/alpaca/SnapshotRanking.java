package com.catalyst.adapters.alpaca;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import com.catalyst.adapters.alpaca.AlpacaMarketRest.Snapshot;

/**
 * Chooses the universe the scanner screens from snapshots, as a day trader's pre-market list does: the stocks that
 * trade the most money today, with a gap lifting a stock up the list. Score = dollar volume × (1 + |gap %| / 5), the
 * gap capped at 20 %: a 5 % gap counts as doubling the money traded. Before the session's first trade the snapshot's
 * daily bar is the previous session's, which then ranks on its dollar volume alone (no gap is known yet).
 */
public final class SnapshotRanking {

    static final double GAP_WEIGHT_PERCENT = 5.0;
    static final double GAP_CAP_PERCENT = 20.0;

    private SnapshotRanking() {
    }

    /** The {@code top} best-scored symbols, best first (ties by symbol, so a ranking is repeatable). */
    public static List<String> top(Collection<Snapshot> snapshots, LocalDate session, int top) {
        Comparator<Scored> order = Comparator.comparingDouble(Scored::score).thenComparing(Scored::symbol, Comparator.reverseOrder());
        // a bounded heap: 10,000 snapshots need no full sort for a top 200
        PriorityQueue<Scored> best = new PriorityQueue<>(top + 1, order);
        for (Snapshot s : snapshots) {
            double score = score(s, session);
            if (!(score > 0)) {
                continue;
            }
            best.add(new Scored(s.symbol(), score));
            if (best.size() > top) {
                best.poll();
            }
        }
        return best.stream().sorted(order.reversed()).map(Scored::symbol).toList();
    }

    /** The snapshot's score; 0 for one without a usable price or volume. */
    static double score(Snapshot s, LocalDate session) {
        double dollarVolume = s.close() * s.volume();
        if (!(dollarVolume > 0)) {
            return 0;
        }
        boolean today = s.day().equals(session);
        double gapPercent = today && s.previousClose() > 0 ? Math.abs(s.open() / s.previousClose() - 1) * 100 : 0;
        return dollarVolume * (1 + Math.min(gapPercent, GAP_CAP_PERCENT) / GAP_WEIGHT_PERCENT);
    }

    private record Scored(String symbol, double score) {
    }
}
