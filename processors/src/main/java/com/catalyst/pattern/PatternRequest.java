package com.catalyst.pattern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Look for chart patterns in these symbols' session bars up to {@code asOf}; keep findings at or above {@code minConfidence}. */
public record PatternRequest(String cycleId, LocalDate sessionDate, Instant asOf, List<String> symbols, double minConfidence) {
}
