package com.catalyst.pattern;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;

/**
 * A pattern found in one symbol's bars with the bars that form it (first to completing bar, oldest first) and the
 * times of its defining bars (swing points, candles), so a trader can see it on a chart.
 */
public record PatternEvidence(String patternType, String direction, double confidence, Instant firstBarTime,
                              Instant lastBarTime, Map<String, Double> levels, List<Instant> keyBarTimes, List<Bar> bars) {

    /** The finding without its bars, as the cycle stores it in {@code pattern_analysis}. */
    public PatternFinding finding(String symbol) {
        return new PatternFinding(symbol, patternType, direction, confidence, firstBarTime, lastBarTime, levels);
    }
}
