package com.catalyst.pattern;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The best finding per symbol that reached the minimum confidence, best first. */
public record PatternResponse(String cycleId, Instant asOf, List<PatternFinding> findings) {

    /** One row a finding for the {@code pattern_analysis} batch insert. */
    public List<Map<String, Object>> sqlRows() {
        return findings.stream().map(f -> {
            Map<String, Object> row = new HashMap<>();
            row.put("cycle_id", cycleId);
            row.put("symbol", f.symbol());
            row.put("detected_at", Timestamp.from(asOf));
            row.put("pattern_type", f.patternType());
            row.put("direction", f.direction());
            row.put("confidence", f.confidence());
            row.put("first_bar_time", Timestamp.from(f.firstBarTime()));
            row.put("last_bar_time", Timestamp.from(f.lastBarTime()));
            row.put("key_levels", f.levels().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}")));
            return row;
        }).toList();
    }
}
