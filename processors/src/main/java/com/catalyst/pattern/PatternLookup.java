package com.catalyst.pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.InsufficientHistoryException;
import com.catalyst.market.MarketDataPort;

/**
 * The pattern API's answer for one symbol: unlike the cycle's step, which keeps the best bullish pattern, it reports
 * every pattern of either direction that completed within the last {@link PatternStage#RECENT_BARS} bars, and the
 * steady uptrend, each with the bars that form it.
 */
public final class PatternLookup {

    /** Fewer bars than this and no detector has room for a prior trend and a shape: a 422, not an empty answer. */
    public static final int MIN_BARS = 20;

    private final MarketDataPort market;
    private final PatternScanner scanner;

    public PatternLookup(MarketDataPort market) {
        this(market, PatternScanner.withAllDetectors());
    }

    public PatternLookup(MarketDataPort market, PatternScanner scanner) {
        this.market = market;
        this.scanner = scanner;
    }

    public PatternReport report(String symbol, LocalDate session, Instant asOf) {
        List<Bar> bars = market.intradayBars(symbol, session, asOf);
        InsufficientHistoryException.requireBars(bars.size(), MIN_BARS);
        List<PatternEvidence> found = new ArrayList<>();
        int n = bars.size();
        for (int end = Math.max(1, n - PatternStage.RECENT_BARS + 1); end <= n; end++) {
            // the same trailing window as the cycle's step, so both see the same patterns
            int offset = Math.max(0, end - PatternStage.WINDOW);
            for (PatternMatch match : scanner.scan(bars.subList(offset, end))) {
                found.add(evidence(match, bars.subList(offset, end)));
            }
        }
        PatternStage.uptrend(symbol, bars).ifPresent(trend -> found.add(new PatternEvidence(trend.patternType(), trend.direction(),
                trend.confidence(), trend.firstBarTime(), trend.lastBarTime(), trend.levels(), List.of(),
                List.copyOf(bars.subList(n - PatternStage.TREND_BARS, n)))));
        found.sort(Comparator.comparingDouble(PatternEvidence::confidence).reversed()
                .thenComparing(PatternEvidence::lastBarTime, Comparator.reverseOrder())
                .thenComparing(PatternEvidence::patternType));
        return new PatternReport(symbol, asOf, n, found);
    }

    private static PatternEvidence evidence(PatternMatch match, List<Bar> window) {
        Map<String, Double> levels = new LinkedHashMap<>();
        match.levels().forEach((name, value) -> levels.put(name.name().toLowerCase(Locale.ROOT), value));
        List<Instant> keyTimes = match.keyBars().stream().map(i -> window.get(i).time()).toList();
        return new PatternEvidence(match.type().name().toLowerCase(Locale.ROOT), match.direction().name().toLowerCase(Locale.ROOT),
                Math.round(match.confidence() * 1000) / 1000.0, match.firstTime(), match.lastTime(), levels, keyTimes,
                List.copyOf(window.subList(match.firstIndex(), match.lastIndex() + 1)));
    }
}
