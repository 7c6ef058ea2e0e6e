package com.catalyst.scanner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketDataPort.SecurityInfo;

/**
 * Ranks the universe: filters on price and liquidity, then scores momentum over the look-back, relative volume
 * (today's volume against the share of the 20-day average expected by now) and the opening gap. News catalysts are
 * added by the workflow after the news bundle has read the headlines.
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
        List<ScanCandidate> passed = new ArrayList<>();
        for (SecurityInfo security : universe) {
            ScanCandidate candidate = score(security.symbol(), request);
            if (candidate != null) {
                passed.add(candidate);
            }
        }
        passed.sort(Comparator.comparingDouble(ScanCandidate::compositeScore).reversed().thenComparing(ScanCandidate::symbol));
        List<ScanCandidate> top = new ArrayList<>(Math.min(request.limit(), passed.size()));
        for (int i = 0; i < Math.min(request.limit(), passed.size()); i++) {
            top.add(passed.get(i).withRank(i + 1));
        }
        return new ScanResponse(request.cycleId(), request.asOf(), universe.size(), passed.size(), top);
    }

    /** The candidate's scores, or null when a filter rejects it. */
    ScanCandidate score(String symbol, ScanRequest request) {
        List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
        if (bars.size() <= settings.momentumBars()) {
            return null;
        }
        Bar last = bars.get(bars.size() - 1);
        if (last.close() < settings.minPrice() || last.close() > settings.maxPrice()) {
            return null;
        }
        List<Bar> daily = market.dailyBars(symbol, request.sessionDate(), AVERAGE_DAYS);
        if (daily.isEmpty()) {
            return null;
        }
        double averageVolume = daily.stream().mapToLong(Bar::volume).average().orElse(0);
        if (averageVolume < settings.minAverageVolume()) {
            return null;
        }
        long volumeToday = 0;
        for (Bar bar : bars) {
            volumeToday += bar.volume();
        }
        double reference = bars.get(bars.size() - 1 - settings.momentumBars()).close();
        double momentumPercent = (last.close() / reference - 1) * 100;
        double expectedSoFar = averageVolume * Math.min(1.0, (double) bars.size() / SESSION_MINUTES);
        double relativeVolume = expectedSoFar > 0 ? volumeToday / expectedSoFar : 0;
        double gapPercent = (bars.get(0).open() / daily.get(daily.size() - 1).close() - 1) * 100;

        // long-only scoring: upward momentum and gaps score, liquidity and unusual volume score
        double momentumScore = clamp(momentumPercent / 2.0) * 100;
        double liquidity = clamp(averageVolume / 10_000_000.0);
        double volumeScore = (0.5 * clamp(relativeVolume / 3.0) + 0.5 * liquidity) * 100;
        double gapScore = clamp(gapPercent / 3.0) * 100;
        double technicalScore = (momentumScore + gapScore) / 2;
        double composite = ScanCandidate.composite(0, momentumScore, volumeScore, technicalScore);
        return new ScanCandidate(symbol, last.close(), volumeToday, momentumPercent, relativeVolume, gapPercent,
                momentumScore, volumeScore, 0, technicalScore, composite, 0);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
