package com.catalyst.scanner;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked candidates of one scan, best first, with how many symbols were looked at, how many passed the filters
 * and how many each filter rejected ({@code rejected_by}, keyed by {@link ScanFilter#key()}, every filter listed).
 */
public record ScanResponse(String cycleId, Instant asOf, int scanned, int passedFilters, Map<String, Integer> rejectedBy,
                           List<ScanCandidate> candidates) {

    /** One row a candidate for the {@code scan_results} batch insert. */
    public List<Map<String, Object>> sqlRows() {
        return candidates.stream().map(c -> {
            Map<String, Object> row = new HashMap<>();
            row.put("cycle_id", cycleId);
            row.put("symbol", c.symbol());
            row.put("scan_timestamp", java.sql.Timestamp.from(asOf));
            row.put("momentum_score", c.momentumScore());
            row.put("volume_score", c.volumeScore());
            row.put("catalyst_score", c.catalystScore());
            row.put("technical_score", c.technicalScore());
            row.put("composite_score", c.compositeScore());
            row.put("price", c.price());
            row.put("volume", c.volume());
            row.put("rank", c.rank());
            // ATR % is absent while the ATR warms up (fewer than 14 bars, possible when the ATR filter is off)
            String atr = Double.isFinite(c.atrPercent()) ? String.format(java.util.Locale.ROOT, ",\"atr_percent\":%.4f", c.atrPercent()) : "";
            row.put("scan_metadata", String.format(java.util.Locale.ROOT,
                    "{\"momentum_percent\":%.4f,\"relative_volume\":%.4f,\"gap_percent\":%.4f%s}",
                    c.momentumPercent(), c.relativeVolume(), c.gapPercent(), atr));
            return row;
        }).toList();
    }
}
