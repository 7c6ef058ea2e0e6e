package com.catalyst.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.catalyst.news.NewsRequest;
import com.catalyst.news.NewsResponse;
import com.catalyst.news.SymbolCatalyst;
import com.catalyst.pattern.PatternFinding;
import com.catalyst.pattern.PatternRequest;
import com.catalyst.pattern.PatternResponse;
import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.RiskResponse;
import com.catalyst.risk.TradeProposal;
import com.catalyst.scanner.ScanCandidate;
import com.catalyst.scanner.ScanRequest;
import com.catalyst.scanner.ScanResponse;
import com.catalyst.technical.TechnicalReading;
import com.catalyst.technical.TechnicalRequest;
import com.catalyst.technical.TechnicalResponse;
import com.catalyst.trading.TradeRequest;
import com.catalyst.trading.TradeResponse;

/**
 * The cycle's decisions between the bundle calls: which requests to send, and how each answer narrows the
 * candidates (100 → 35 → 20 → 10 → 5 by default). Pure functions of the state and the answer; the route does the I/O.
 */
public final class CycleFunnel {

    private final FunnelSizes sizes;
    private final boolean allowShort;

    /** A funnel for long entries only (catalyst.trading.allow-short off). */
    public CycleFunnel(FunnelSizes sizes) {
        this(sizes, false);
    }

    /** {@code allowShort}: catalyst.trading.allow-short, whether clearly negative news can still make a short. */
    public CycleFunnel(FunnelSizes sizes, boolean allowShort) {
        this.sizes = sizes;
        this.allowShort = allowShort;
    }

    public ScanRequest scanRequest(CycleState state) {
        return new ScanRequest(state.cycleId, state.sessionDate, state.asOf, sizes.scanned());
    }

    /**
     * The scan's candidates that passed every filter go on: the top, and the watchlist symbols that only missed the cut.
     * A watchlist symbol a filter dropped is ranked and recorded by the scanner but goes no further.
     */
    public CycleState afterScan(CycleState state, ScanResponse response) {
        state.scanned = response.scanned();
        state.candidates = response.tradeable();
        return state;
    }

    public NewsRequest newsRequest(CycleState state) {
        return new NewsRequest(state.cycleId, state.asOf, symbols(state.candidates));
    }

    /**
     * Adds the catalysts to the scanner's scores and keeps the best. News that is clearly negative (mean sentiment
     * below minus the mode's threshold) rules out a long: with shorts off the symbol is dropped here; with shorts on it
     * goes on as a short only ({@link CycleState#newsDirection} "bearish", its catalyst score the strength of the bad
     * news), and clearly positive news (above the threshold) likewise rules out a short. The pattern step then drops a
     * symbol whose pattern points against its news. Without news the ranking stands as scanned.
     */
    public CycleState afterNews(CycleState state, NewsResponse response) {
        List<ScanCandidate> ranked = new ArrayList<>();
        if (response == null) {
            state.newsStatus = "missing";
            ranked.addAll(state.candidates);
        } else {
            state.newsStatus = "ok";
            Map<String, SymbolCatalyst> bySymbol = response.catalysts().stream()
                    .collect(Collectors.toMap(SymbolCatalyst::symbol, Function.identity(), (a, b) -> a));
            for (ScanCandidate candidate : state.candidates) {
                SymbolCatalyst catalyst = bySymbol.get(candidate.symbol());
                boolean clear = catalyst != null && catalyst.items() > 0;
                if (clear && catalyst.averageSentiment() < -state.mode.sentimentThreshold()) {
                    if (!allowShort) {
                        continue;
                    }
                    state.newsDirection.put(candidate.symbol(), "bearish");
                    ranked.add(candidate.withCatalyst(Math.min(100, -catalyst.averageSentiment() * 100)));
                    continue;
                }
                if (allowShort && clear && catalyst.averageSentiment() > state.mode.sentimentThreshold()) {
                    state.newsDirection.put(candidate.symbol(), "bullish");
                }
                ranked.add(catalyst == null ? candidate : candidate.withCatalyst(catalyst.catalystScore()));
            }
        }
        ranked.sort(Comparator.comparingDouble(ScanCandidate::compositeScore).reversed().thenComparing(ScanCandidate::symbol));
        state.afterNews = ranked.subList(0, Math.min(sizes.afterNews(), ranked.size()));
        return state;
    }

    /** The workflow marks news missing when the fan-out timed out or failed: the cycle goes on without it. */
    public CycleState newsMissing(CycleState state) {
        return afterNews(state, null);
    }

    public PatternRequest patternRequest(CycleState state) {
        return new PatternRequest(state.cycleId, state.sessionDate, state.asOf, symbols(state.afterNews), state.mode.patternMinConfidence());
    }

    /** Keeps each symbol's first finding, unless it points against the symbol's clear news (see afterNews). */
    public CycleState afterPattern(CycleState state, PatternResponse response) {
        response.findings().stream()
                .filter(f -> state.newsDirection.getOrDefault(f.symbol(), f.direction()).equals(f.direction()))
                .forEach(f -> state.patterns.putIfAbsent(f.symbol(), f));
        state.afterPattern = state.afterNews.stream()
                .filter(c -> state.patterns.containsKey(c.symbol()))
                .sorted(Comparator.comparingDouble((ScanCandidate c) -> state.patterns.get(c.symbol()).confidence()).reversed()
                        .thenComparing(Comparator.comparingDouble(ScanCandidate::compositeScore).reversed()))
                .limit(sizes.afterPattern())
                .toList();
        return state;
    }

    public TechnicalRequest technicalRequest(CycleState state) {
        return new TechnicalRequest(state.cycleId, state.sessionDate, state.asOf, symbols(state.afterPattern),
                state.mode.rsiLow(), state.mode.rsiHigh());
    }

    public CycleState afterTechnical(CycleState state, TechnicalResponse response) {
        response.readings().forEach(r -> state.technicals.put(r.symbol(), r));
        state.afterTechnical = state.afterPattern.stream()
                .filter(c -> state.technicals.containsKey(c.symbol()) && passes(state, c))
                .sorted(Comparator.comparingDouble((ScanCandidate c) -> signal(state, c)).reversed()
                        .thenComparing(ScanCandidate::symbol))
                .limit(sizes.afterTechnical())
                .toList();
        state.picks = state.afterTechnical.stream()
                .sorted(Comparator.comparingDouble((ScanCandidate c) -> finalScore(state, c)).reversed().thenComparing(ScanCandidate::symbol))
                .limit(sizes.picks())
                .toList();
        return state;
    }

    /** Whether the candidate's pattern is bearish: a short entry (only found when shorts are allowed, PatternStage). */
    static boolean bearish(CycleState state, ScanCandidate c) {
        PatternFinding pattern = state.patterns.get(c.symbol());
        return pattern != null && "bearish".equals(pattern.direction());
    }

    /**
     * The technical filter in the trade's direction: a long as the technical bundle judged it (RSI in the mode's band,
     * MACD above its signal); a short the mirror image (RSI in the band reflected about 50, MACD below its signal).
     */
    static boolean passes(CycleState state, ScanCandidate c) {
        TechnicalReading r = state.technicals.get(c.symbol());
        if (!bearish(state, c)) {
            return r.passed();
        }
        return r.rsi() >= 100 - state.mode.rsiHigh() && r.rsi() <= 100 - state.mode.rsiLow() && r.macd() < r.macdSignal();
    }

    /** The signal score in the trade's direction (0–100): a short's is the long score's mirror. */
    static double signal(CycleState state, ScanCandidate c) {
        TechnicalReading r = state.technicals.get(c.symbol());
        return r == null ? 0 : bearish(state, c) ? 100 - r.signalScore() : r.signalScore();
    }

    /** Scanner composite, pattern confidence and technical signal, weighted 40/30/30, all on 0–100. */
    static double finalScore(CycleState state, ScanCandidate c) {
        PatternFinding pattern = state.patterns.get(c.symbol());
        TechnicalReading reading = state.technicals.get(c.symbol());
        return 0.4 * c.compositeScore() + 0.3 * (pattern == null ? 0 : pattern.confidence() * 100)
                + 0.3 * (reading == null ? 0 : signal(state, c));
    }

    public RiskRequest riskRequest(CycleState state) {
        List<TradeProposal> proposals = state.picks.stream().map(c -> {
            TechnicalReading reading = state.technicals.get(c.symbol());
            PatternFinding pattern = state.patterns.get(c.symbol());
            BigDecimal entry = BigDecimal.valueOf(reading.price()).setScale(4, RoundingMode.HALF_UP);
            return new TradeProposal(c.symbol(), bearish(state, c) ? "short" : "long", entry, reading.atr(), pattern == null ? null : pattern.patternType(),
                    finalScore(state, c));
        }).toList();
        return new RiskRequest(state.cycleId, state.mode.sizeMultiplier(), proposals);
    }

    public CycleState afterRisk(CycleState state, RiskResponse response) {
        state.decisions = response.decisions();
        return state;
    }

    public TradeRequest tradeRequest(CycleState state) {
        return new TradeRequest(state.cycleId, state.decisions.stream().filter(RiskDecision::tradeable).toList());
    }

    public CycleState afterTrade(CycleState state, TradeResponse response) {
        state.outcomes.addAll(response.outcomes());
        return state;
    }

    /** Records how long the step that just ended took, measured from the previous mark. */
    public CycleState mark(CycleState state, String step) {
        long now = System.nanoTime();
        long last = state.stepMillis.isEmpty() ? startNanos(state) : lastMark(state);
        state.stepMillis.put(step, Math.max(0, (now - last) / 1_000_000));
        state.stepMillis.put("_mark_nanos", now);
        return state;
    }

    private static long startNanos(CycleState state) {
        return System.nanoTime() - Duration.between(state.startedAt, Instant.now()).toNanos();
    }

    private static long lastMark(CycleState state) {
        Long mark = state.stepMillis.get("_mark_nanos");
        return mark == null ? startNanos(state) : mark;
    }

    public CycleSummary summary(CycleState state, String status) {
        Map<String, Long> steps = new java.util.LinkedHashMap<>(state.stepMillis);
        steps.remove("_mark_nanos");
        long duration = Duration.between(state.startedAt, Instant.now()).toMillis();
        return new CycleSummary(state.cycleId, state.mode.id(), status, state.sessionDate, state.asOf, state.startedAt, duration,
                state.scanned, state.candidates.size(), state.afterNews.size(), state.afterPattern.size(), state.afterTechnical.size(),
                state.picks.size(), state.approvedCount(), state.placedCount(), state.newsStatus, symbols(state.picks),
                List.copyOf(state.outcomes), steps, state.failureReason);
    }

    private static List<String> symbols(List<ScanCandidate> candidates) {
        return candidates.stream().map(ScanCandidate::symbol).toList();
    }
}
