package com.catalyst.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;

/**
 * The pattern step of the cycle: for each candidate, the strongest bullish pattern that completed within the last
 * {@code RECENT_BARS} bars (the cycle runs every few minutes, so a pattern confirmed between two cycles still counts),
 * found by every detector of {@link PatternScanner} on a trailing window, plus the steady intraday uptrend that the
 * earlier implementation called a continuation.
 */
public final class PatternStage {

    static final int WINDOW = 120;
    static final int RECENT_BARS = 15;
    static final int TREND_BARS = 60;

    private final MarketDataPort market;
    private final PatternScanner scanner;

    public PatternStage(MarketDataPort market) {
        this(market, PatternScanner.withAllDetectors());
    }

    public PatternStage(MarketDataPort market, PatternScanner scanner) {
        this.market = market;
        this.scanner = scanner;
    }

    public PatternResponse analyze(PatternRequest request) {
        List<PatternFinding> findings = new ArrayList<>();
        for (String symbol : request.symbols()) {
            List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
            best(symbol, bars).filter(f -> f.confidence() >= request.minConfidence()).ifPresent(findings::add);
        }
        findings.sort(Comparator.comparingDouble(PatternFinding::confidence).reversed().thenComparing(PatternFinding::symbol));
        return new PatternResponse(request.cycleId(), request.asOf(), findings);
    }

    Optional<PatternFinding> best(String symbol, List<Bar> bars) {
        List<PatternFinding> found = new ArrayList<>();
        int n = bars.size();
        for (int end = Math.max(1, n - RECENT_BARS + 1); end <= n; end++) {
            List<Bar> window = bars.subList(Math.max(0, end - WINDOW), end);
            for (PatternMatch match : scanner.scan(window)) {
                if (match.direction() == Direction.BULLISH) {
                    found.add(finding(symbol, match));
                    break; // scan() is best first
                }
            }
        }
        uptrend(symbol, bars).ifPresent(found::add);
        return found.stream().max(Comparator.comparingDouble(PatternFinding::confidence));
    }

    private static PatternFinding finding(String symbol, PatternMatch match) {
        Map<String, Double> levels = new LinkedHashMap<>();
        match.levels().forEach((name, value) -> levels.put(name.name().toLowerCase(Locale.ROOT), value));
        return new PatternFinding(symbol, match.type().name().toLowerCase(Locale.ROOT), match.direction().name().toLowerCase(Locale.ROOT),
                round(match.confidence()), match.firstTime(), match.lastTime(), levels);
    }

    /** Closes rising along a straight line over the last hour: confidence is the fit's R² when the slope is positive. */
    static Optional<PatternFinding> uptrend(String symbol, List<Bar> bars) {
        int n = bars.size();
        if (n < TREND_BARS) {
            return Optional.empty();
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < TREND_BARS; i++) {
            double y = bars.get(n - TREND_BARS + i).close();
            sx += i;
            sy += y;
            sxx += (double) i * i;
            sxy += i * y;
            syy += y * y;
        }
        double cov = sxy - sx * sy / TREND_BARS;
        double varX = sxx - sx * sx / TREND_BARS;
        double varY = syy - sy * sy / TREND_BARS;
        if (cov <= 0 || varY <= 0) {
            return Optional.empty();
        }
        double r2 = Math.min(1, cov * cov / (varX * varY));
        return Optional.of(new PatternFinding(symbol, "trend_continuation", "bullish", round(r2), bars.get(n - TREND_BARS).time(),
                bars.get(n - 1).time(), Map.of("slope_per_bar", cov / varX)));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
