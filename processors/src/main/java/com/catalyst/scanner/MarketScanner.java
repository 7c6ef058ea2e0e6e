package com.catalyst.scanner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.technical.AverageTrueRange;

/**
 * Ranks the universe. Filters, in {@link ScanFilter} order: enough bars, price, 20-day average volume, then the
 * configurable minimums of relative volume, gap, momentum and ATR % (each off at 0). Survivors are scored on momentum
 * over the look-back, relative volume (today's volume against the share of the 20-day average expected by now) and
 * the opening gap. News catalysts are added by the workflow after the news bundle has read the headlines.
 * <p>
 * Symbols are screened in parallel (the market ports are thread-safe), so a US-sized universe uses every core.
 */
public final class MarketScanner {

    static final int AVERAGE_DAYS = 20;
    private static final int SESSION_MINUTES = 390;

    private final MarketDataPort market;
    private final ScannerSettings settings;

    public MarketScanner(MarketDataPort market, ScannerSettings settings) {
        this.market = market;
        this.settings = settings;
    }

    public ScanResponse scan(ScanRequest request) {
        return scanWithWatchlist(request, List.of());
    }

    /**
     * Ranks the universe as {@link #scan(ScanRequest)} does, then makes sure every {@code watchlist} symbol of the universe
     * with bars this session is in the answer: one already among the top is marked; the others follow the top, best
     * composite first, ranks going on, each marked with the filter that dropped it (none if it only missed the cut).
     * Watchlist symbols outside the universe or without a bar yet are listed in {@code watchlist_missing}. A name of its
     * own, not an overload of {@code scan}: a route's {@code bean: {ref: marketScanner, method: scan}} must stay unambiguous.
     */
    public ScanResponse scanWithWatchlist(ScanRequest request, Collection<String> watchlist) {
        if (request.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + request.limit());
        }
        Set<String> watched = watchlist == null ? Set.of() : new TreeSet<>(watchlist);
        List<SecurityInfo> universe = market.universe();
        List<Screening> screenings = universe.parallelStream()
                .map(s -> screen(s.symbol(), request, watched.contains(s.symbol()))).toList();
        List<ScanCandidate> passed = new ArrayList<>();
        List<ScanCandidate> watchedBelow = new ArrayList<>();
        EnumMap<ScanFilter, Integer> rejected = new EnumMap<>(ScanFilter.class);
        for (Screening screening : screenings) {
            if (screening.passed()) {
                passed.add(screening.candidate());
            } else {
                rejected.merge(screening.rejectedBy(), 1, Integer::sum);
                if (screening.candidate() != null) {
                    watchedBelow.add(screening.candidate());
                }
            }
        }
        passed.sort(BEST_FIRST);
        List<ScanCandidate> top = new ArrayList<>(Math.min(request.limit(), passed.size()) + watched.size());
        for (int i = 0; i < passed.size(); i++) {
            ScanCandidate candidate = passed.get(i);
            boolean onList = watched.contains(candidate.symbol());
            if (i < request.limit()) {
                top.add((onList ? candidate.onWatchlist(null) : candidate).withRank(i + 1));
            } else if (onList) {
                watchedBelow.add(candidate.onWatchlist(null));
            }
        }
        watchedBelow.sort(BEST_FIRST);
        for (ScanCandidate candidate : watchedBelow) {
            top.add(candidate.withRank(top.size() + 1));
        }
        Set<String> ranked = new HashSet<>();
        top.forEach(c -> ranked.add(c.symbol()));
        List<String> missing = watched.stream().filter(s -> !ranked.contains(s)).toList();
        return new ScanResponse(request.cycleId(), request.asOf(), universe.size(), passed.size(), byKey(rejected), top, missing);
    }

    private static final Comparator<ScanCandidate> BEST_FIRST =
            Comparator.comparingDouble(ScanCandidate::compositeScore).reversed().thenComparing(ScanCandidate::symbol);

    /** The symbol's candidate with its scores, or the first filter that rejects it. */
    Screening screen(String symbol, ScanRequest request) {
        return screen(symbol, request, false);
    }

    /**
     * The symbol's candidate with its scores, or the first filter that rejects it. A {@code watched} symbol is measured
     * to the end whatever the filters say (a figure its bars cannot give yet is NaN and scores 0), so that a rejected one
     * still comes back with its candidate beside the filter; only a symbol without a single bar this session has none.
     */
    Screening screen(String symbol, ScanRequest request, boolean watched) {
        List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
        if (bars.isEmpty() || (!watched && bars.size() < settings.barsNeeded())) {
            return Screening.rejected(ScanFilter.BARS);
        }
        ScanFilter failed = bars.size() < settings.barsNeeded() ? ScanFilter.BARS : null;
        Bar last = bars.get(bars.size() - 1);
        if (failed == null && (last.close() < settings.minPrice() || last.close() > settings.maxPrice())) {
            failed = ScanFilter.PRICE;
            if (!watched) {
                return Screening.rejected(failed);
            }
        }
        List<Bar> daily = market.dailyBars(symbol, request.sessionDate(), AVERAGE_DAYS);
        double averageVolume = daily.stream().mapToLong(Bar::volume).average().orElse(0);
        if (failed == null && (daily.isEmpty() || averageVolume < settings.minAverageVolume())) {
            failed = ScanFilter.AVERAGE_VOLUME;
            if (!watched) {
                return Screening.rejected(failed);
            }
        }
        long volumeToday = 0;
        for (Bar bar : bars) {
            volumeToday += bar.volume();
        }
        double expectedSoFar = averageVolume * Math.min(1.0, (double) bars.size() / SESSION_MINUTES);
        double relativeVolume = expectedSoFar > 0 ? volumeToday / expectedSoFar : 0;
        if (failed == null && below(relativeVolume, settings.minRelativeVolume())) {
            failed = ScanFilter.RELATIVE_VOLUME;
            if (!watched) {
                return Screening.rejected(failed);
            }
        }
        double gapPercent = daily.isEmpty() ? Double.NaN : (bars.get(0).open() / daily.get(daily.size() - 1).close() - 1) * 100;
        if (failed == null && below(gapPercent, settings.minGapPercent())) {
            failed = ScanFilter.GAP;
            if (!watched) {
                return Screening.rejected(failed);
            }
        }
        int referenceIndex = bars.size() - 1 - settings.momentumBars();
        double momentumPercent = referenceIndex < 0 ? Double.NaN : (last.close() / bars.get(referenceIndex).close() - 1) * 100;
        if (failed == null && below(momentumPercent, settings.minMomentumPercent())) {
            failed = ScanFilter.MOMENTUM;
            if (!watched) {
                return Screening.rejected(failed);
            }
        }
        // the ATR runs last: it is the only filter that reads every bar's range
        double atrPercent = atr(bars) / last.close() * 100;
        if (failed == null && below(atrPercent, settings.minAtrPercent())) {
            failed = ScanFilter.ATR;
        }
        if (failed != null && !watched) {
            return Screening.rejected(failed);
        }
        ScanCandidate candidate = scored(symbol, last.close(), volumeToday, averageVolume, momentumPercent, relativeVolume,
                gapPercent, atrPercent);
        return failed == null ? Screening.passed(candidate) : new Screening(candidate.onWatchlist(failed.key()), failed);
    }

    /** Long-only scoring: upward momentum and gaps score, liquidity and unusual volume score. */
    private static ScanCandidate scored(String symbol, double price, long volumeToday, double averageVolume,
                                        double momentumPercent, double relativeVolume, double gapPercent, double atrPercent) {
        double momentumScore = clamp(momentumPercent / 2.0) * 100;
        double liquidity = clamp(averageVolume / 10_000_000.0);
        double volumeScore = (0.5 * clamp(relativeVolume / 3.0) + 0.5 * liquidity) * 100;
        double gapScore = clamp(gapPercent / 3.0) * 100;
        double technicalScore = (momentumScore + gapScore) / 2;
        double composite = ScanCandidate.composite(0, momentumScore, volumeScore, technicalScore);
        return new ScanCandidate(symbol, price, volumeToday, momentumPercent, relativeVolume, gapPercent, atrPercent,
                momentumScore, volumeScore, 0, technicalScore, composite, 0);
    }

    /** ATR(14) of the session's bars so far, Wilder-smoothed as everywhere in the project. */
    static double atr(List<Bar> bars) {
        AverageTrueRange atr = new AverageTrueRange(ScannerSettings.ATR_PERIOD);
        for (Bar bar : bars) {
            atr.update(bar.high(), bar.low(), bar.close());
        }
        return atr.value();
    }

    /** A filter at 0 is off; otherwise the value must reach it (NaN never does). */
    private static boolean below(double value, double minimum) {
        return minimum > 0 && !(value >= minimum);
    }

    private static Map<String, Integer> byKey(EnumMap<ScanFilter, Integer> rejected) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (ScanFilter filter : ScanFilter.values()) {
            result.put(filter.key(), rejected.getOrDefault(filter, 0));
        }
        return result;
    }

    /** Into 0–1; a figure the bars cannot give yet (NaN) scores 0. */
    private static double clamp(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }

    /**
     * One symbol's outcome: a candidate, or the filter that rejected it; a watched symbol that a filter rejected has
     * both (its candidate marked with the filter).
     */
    record Screening(ScanCandidate candidate, ScanFilter rejectedBy) {

        static Screening passed(ScanCandidate candidate) {
            return new Screening(candidate, null);
        }

        static Screening rejected(ScanFilter filter) {
            return new Screening(null, filter);
        }

        boolean passed() {
            return rejectedBy == null;
        }
    }
}
