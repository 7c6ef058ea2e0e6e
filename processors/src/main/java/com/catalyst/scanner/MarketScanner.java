package com.catalyst.scanner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (request.limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + request.limit());
        }
        List<SecurityInfo> universe = market.universe();
        List<Screening> screenings = universe.parallelStream().map(s -> screen(s.symbol(), request)).toList();
        List<ScanCandidate> passed = new ArrayList<>();
        EnumMap<ScanFilter, Integer> rejected = new EnumMap<>(ScanFilter.class);
        for (Screening screening : screenings) {
            if (screening.passed()) {
                passed.add(screening.candidate());
            } else {
                rejected.merge(screening.rejectedBy(), 1, Integer::sum);
            }
        }
        passed.sort(Comparator.comparingDouble(ScanCandidate::compositeScore).reversed().thenComparing(ScanCandidate::symbol));
        List<ScanCandidate> top = new ArrayList<>(Math.min(request.limit(), passed.size()));
        for (int i = 0; i < Math.min(request.limit(), passed.size()); i++) {
            top.add(passed.get(i).withRank(i + 1));
        }
        return new ScanResponse(request.cycleId(), request.asOf(), universe.size(), passed.size(), byKey(rejected), top);
    }

    /** The symbol's candidate with its scores, or the first filter that rejects it. */
    Screening screen(String symbol, ScanRequest request) {
        List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
        if (bars.size() < settings.barsNeeded()) {
            return Screening.rejected(ScanFilter.BARS);
        }
        Bar last = bars.get(bars.size() - 1);
        if (last.close() < settings.minPrice() || last.close() > settings.maxPrice()) {
            return Screening.rejected(ScanFilter.PRICE);
        }
        List<Bar> daily = market.dailyBars(symbol, request.sessionDate(), AVERAGE_DAYS);
        double averageVolume = daily.stream().mapToLong(Bar::volume).average().orElse(0);
        if (daily.isEmpty() || averageVolume < settings.minAverageVolume()) {
            return Screening.rejected(ScanFilter.AVERAGE_VOLUME);
        }
        long volumeToday = 0;
        for (Bar bar : bars) {
            volumeToday += bar.volume();
        }
        double expectedSoFar = averageVolume * Math.min(1.0, (double) bars.size() / SESSION_MINUTES);
        double relativeVolume = expectedSoFar > 0 ? volumeToday / expectedSoFar : 0;
        if (below(relativeVolume, settings.minRelativeVolume())) {
            return Screening.rejected(ScanFilter.RELATIVE_VOLUME);
        }
        double gapPercent = (bars.get(0).open() / daily.get(daily.size() - 1).close() - 1) * 100;
        if (below(gapPercent, settings.minGapPercent())) {
            return Screening.rejected(ScanFilter.GAP);
        }
        double reference = bars.get(bars.size() - 1 - settings.momentumBars()).close();
        double momentumPercent = (last.close() / reference - 1) * 100;
        if (below(momentumPercent, settings.minMomentumPercent())) {
            return Screening.rejected(ScanFilter.MOMENTUM);
        }
        // the ATR runs last: it is the only filter that reads every bar's range
        double atrPercent = atr(bars) / last.close() * 100;
        if (below(atrPercent, settings.minAtrPercent())) {
            return Screening.rejected(ScanFilter.ATR);
        }
        return Screening.passed(scored(symbol, last.close(), volumeToday, averageVolume, momentumPercent, relativeVolume,
                gapPercent, atrPercent));
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

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    /** One symbol's outcome: a candidate, or the filter that rejected it. */
    record Screening(ScanCandidate candidate, ScanFilter rejectedBy) {

        static Screening passed(ScanCandidate candidate) {
            return new Screening(candidate, null);
        }

        static Screening rejected(ScanFilter filter) {
            return new Screening(null, filter);
        }

        boolean passed() {
            return candidate != null;
        }
    }
}
