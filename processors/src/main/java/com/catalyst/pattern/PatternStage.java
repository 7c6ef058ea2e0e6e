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
 * The pattern step of the cycle: for each candidate, the strongest bullish pattern (or, shorts allowed, bearish) that completed within the last
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
    private final boolean bearishToo;
    private final Map<String, SymbolState> states = new java.util.concurrent.ConcurrentHashMap<>();

    public PatternStage(MarketDataPort market) {
        this(market, PatternScanner.withAllDetectors());
    }

    public PatternStage(MarketDataPort market, PatternScanner scanner) {
        this(market, scanner, false);
    }

    /**
     * With {@code bearishToo} (short entries allowed: catalyst.trading.allow-short) a bearish pattern is a finding as
     * well, the best of either direction winning; without it bearish patterns are dropped, as a long-only cycle cannot
     * trade them.
     */
    public PatternStage(MarketDataPort market, PatternScanner scanner, boolean bearishToo) {
        this.market = market;
        this.scanner = scanner;
        this.bearishToo = bearishToo;
    }

    public PatternStage(MarketDataPort market, boolean bearishToo) {
        this(market, PatternScanner.withAllDetectors(), bearishToo);
    }

    public PatternResponse analyze(PatternRequest request) {
        List<PatternFinding> findings = new ArrayList<>();
        for (String symbol : request.symbols()) {
            List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
            if (!bars.isEmpty()) {
                best(symbol, request.sessionDate(), bars).filter(f -> f.confidence() >= request.minConfidence()).ifPresent(findings::add);
            }
        }
        findings.sort(Comparator.comparingDouble(PatternFinding::confidence).reversed().thenComparing(PatternFinding::symbol));
        return new PatternResponse(request.cycleId(), request.asOf(), findings);
    }

    /**
     * The best finding over the recent windows. Each symbol keeps the findings of the windows it has already scanned,
     * so a cycle only scans the windows ending at bars that arrived since the last one.
     */
    Optional<PatternFinding> best(String symbol, java.time.LocalDate session, List<Bar> bars) {
        int n = bars.size();
        java.time.Instant last = bars.get(n - 1).time();
        SymbolState state = states.get(symbol);
        if (state == null || !state.session.equals(session) || state.lastEnd.isAfter(last)) {
            if (state != null && state.session.equals(session)) {
                state = new SymbolState(session); // an earlier instant: answer without disturbing the live state
            } else {
                state = new SymbolState(session);
                states.put(symbol, state);
            }
        }
        List<PatternFinding> found;
        synchronized (state) {
            for (int end = Math.max(1, n - RECENT_BARS + 1); end <= n; end++) {
                if (bars.get(end - 1).time().isAfter(state.lastEnd)) {
                    bestTradeable(symbol, bars.subList(Math.max(0, end - WINDOW), end)).ifPresent(state.recent::add);
                }
            }
            state.lastEnd = last;
            java.time.Instant oldest = bars.get(Math.max(0, n - RECENT_BARS)).time();
            state.recent.removeIf(f -> f.lastBarTime().isBefore(oldest));
            found = new ArrayList<>(state.recent);
        }
        uptrend(symbol, bars).ifPresent(found::add);
        return found.stream().max(Comparator.comparingDouble(PatternFinding::confidence));
    }

    private Optional<PatternFinding> bestTradeable(String symbol, List<Bar> window) {
        for (PatternMatch match : scanner.scan(window)) {
            if (match.direction() == Direction.BULLISH || (bearishToo && match.direction() == Direction.BEARISH)) {
                return Optional.of(finding(symbol, match)); // scan() is best first
            }
        }
        return Optional.empty();
    }

    /** A symbol's recent findings within one session, and the end of the last window scanned. */
    private static final class SymbolState {
        final java.time.LocalDate session;
        final List<PatternFinding> recent = new ArrayList<>();
        java.time.Instant lastEnd = java.time.Instant.MIN;

        SymbolState(java.time.LocalDate session) {
            this.session = session;
        }
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
