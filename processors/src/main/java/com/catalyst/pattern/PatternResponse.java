package com.catalyst.pattern;

import java.time.Instant;
import java.util.List;

/** The best finding per symbol that reached the minimum confidence, best first (stored by PatternRepository). */
public record PatternResponse(String cycleId, Instant asOf, List<PatternFinding> findings) {
}
