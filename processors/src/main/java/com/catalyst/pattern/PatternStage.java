package com.catalyst.pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;

/**
 * The pattern step of the cycle: for each candidate, the strongest bullish pattern in its session bars.
 * First version: a breakout above the 30-bar resistance and a steady intraday uptrend (least-squares fit).
 */
public final class PatternStage {

    static final int LOOKBACK = 30;

    private final MarketDataPort market;

    public PatternStage(MarketDataPort market) {
        this.market = market;
    }

    public PatternResponse analyze(PatternRequest request) {
        List<PatternFinding> findings = new ArrayList<>();
        for (String symbol : request.symbols()) {
            List<Bar> bars = market.intradayBars(symbol, request.sessionDate(), request.asOf());
            if (bars.size() < LOOKBACK + 1) {
                continue;
            }
            best(symbol, bars).filter(f -> f.confidence() >= request.minConfidence()).ifPresent(findings::add);
        }
        findings.sort(Comparator.comparingDouble(PatternFinding::confidence).reversed().thenComparing(PatternFinding::symbol));
        return new PatternResponse(request.cycleId(), request.asOf(), findings);
    }

    static java.util.Optional<PatternFinding> best(String symbol, List<Bar> bars) {
        List<PatternFinding> found = new ArrayList<>();
        breakout(symbol, bars).ifPresent(found::add);
        uptrend(symbol, bars).ifPresent(found::add);
        return found.stream().max(Comparator.comparingDouble(PatternFinding::confidence));
    }

    /** The last close clears the highest high of the 30 bars before it; confidence grows with the margin and volume. */
    static java.util.Optional<PatternFinding> breakout(String symbol, List<Bar> bars) {
        int n = bars.size();
        Bar last = bars.get(n - 1);
        double resistance = Double.NEGATIVE_INFINITY;
        double support = Double.POSITIVE_INFINITY;
        double volume = 0;
        for (int i = n - 1 - LOOKBACK; i < n - 1; i++) {
            resistance = Math.max(resistance, bars.get(i).high());
            support = Math.min(support, bars.get(i).low());
            volume += bars.get(i).volume();
        }
        if (last.close() <= resistance) {
            return java.util.Optional.empty();
        }
        double margin = last.close() / resistance - 1;
        double volumeBoost = Math.min(0.15, 0.05 * (last.volume() / (volume / LOOKBACK) - 1));
        double confidence = clamp(0.6 + margin * 40 + Math.max(0, volumeBoost));
        return java.util.Optional.of(new PatternFinding(symbol, "breakout", "bullish", round(confidence),
                bars.get(n - 1 - LOOKBACK).time(), last.time(), Map.of("resistance", resistance, "support", support)));
    }

    /** Closes rising along a straight line: confidence is the fit's R² when the slope is positive. */
    static java.util.Optional<PatternFinding> uptrend(String symbol, List<Bar> bars) {
        int n = bars.size();
        int window = Math.min(n, 60);
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < window; i++) {
            double y = bars.get(n - window + i).close();
            sx += i;
            sy += y;
            sxx += (double) i * i;
            sxy += i * y;
            syy += y * y;
        }
        double cov = sxy - sx * sy / window;
        double varX = sxx - sx * sx / window;
        double varY = syy - sy * sy / window;
        if (cov <= 0 || varY <= 0) {
            return java.util.Optional.empty();
        }
        double r2 = cov * cov / (varX * varY);
        Instant first = bars.get(n - window).time();
        return java.util.Optional.of(new PatternFinding(symbol, "trend_continuation", "bullish", round(clamp(r2)), first,
                bars.get(n - 1).time(), Map.of("slope_per_bar", cov / varX)));
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
