package com.catalyst.scanner;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranked candidates of one scan, best first, with how many symbols were looked at, how many passed the filters
 * and how many each filter rejected ({@code rejected_by}, keyed by {@link ScanFilter#key()}, every filter listed).
 * After the top come the watchlist symbols that did not make it ({@link ScanCandidate#watchlist()});
 * {@code watchlistMissing} names the watchlist symbols the market has no bar of this session for.
 */
public record ScanResponse(String cycleId, Instant asOf, int scanned, int passedFilters, Map<String, Integer> rejectedBy,
                           List<ScanCandidate> candidates, List<String> watchlistMissing) {

    public ScanResponse {
        watchlistMissing = watchlistMissing == null ? List.of() : List.copyOf(watchlistMissing);
    }

    /** A scan without a watchlist. */
    public ScanResponse(String cycleId, Instant asOf, int scanned, int passedFilters, Map<String, Integer> rejectedBy,
                        List<ScanCandidate> candidates) {
        this(cycleId, asOf, scanned, passedFilters, rejectedBy, candidates, List.of());
    }

    /** The candidates that passed every filter: those the cycle takes on to news, patterns, technicals and risk. */
    public List<ScanCandidate> tradeable() {
        return candidates.stream().filter(ScanCandidate::tradeable).toList();
    }

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
            // a figure is absent while its bars are missing: the ATR warming up (fewer than 14 bars, possible when the ATR
            // filter is off), or a watchlist symbol's momentum and gap before it has the look-back or a previous close
            StringBuilder metadata = new StringBuilder("{");
            figure(metadata, "momentum_percent", c.momentumPercent());
            figure(metadata, "relative_volume", c.relativeVolume());
            figure(metadata, "gap_percent", c.gapPercent());
            figure(metadata, "atr_percent", c.atrPercent());
            if (c.watchlist()) {
                metadata.append(metadata.length() > 1 ? "," : "").append("\"watchlist\":true");
            }
            if (c.filteredBy() != null) {
                metadata.append(",\"filtered_by\":\"").append(c.filteredBy()).append('"');
            }
            row.put("scan_metadata", metadata.append('}').toString());
            return row;
        }).toList();
    }

    private static void figure(StringBuilder json, String name, double value) {
        if (Double.isFinite(value)) {
            json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", value));
        }
    }
}
