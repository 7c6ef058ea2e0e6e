package com.catalyst.pattern;

import java.time.Instant;
import java.util.Map;

/** A pattern found in one symbol's bars: its type, direction, confidence in [0, 1], the bars that form it and its levels. */
public record PatternFinding(String symbol, String patternType, String direction, double confidence,
                             Instant firstBarTime, Instant lastBarTime, Map<String, Double> levels) {
}
