package com.catalyst.scanner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ranked candidates of one scan, best first, with how many symbols were looked at, how many passed the filters
 * and how many each filter rejected ({@code rejected_by}, keyed by {@link ScanFilter#key()}, every filter listed).
 * After the top come the watchlist symbols that did not make it ({@link ScanCandidate#watchlist()});
 * {@code watchlistMissing} names the watchlist symbols the market has no bar of this session for. A cycle's scan is
 * stored by ScanRepository.
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
}
