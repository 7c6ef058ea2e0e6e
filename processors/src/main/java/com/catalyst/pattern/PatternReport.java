package com.catalyst.pattern;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/pattern/{symbol}}: every pattern completed within the last bars, best first, with its bars. */
public record PatternReport(String symbol, Instant asOf, int sessionBars, List<PatternEvidence> findings) {

    /** The findings as a response of no cycle: the form PatternRepository stores. */
    public PatternResponse asResponse() {
        return new PatternResponse(null, asOf, findings.stream().map(e -> e.finding(symbol)).toList());
    }
}
