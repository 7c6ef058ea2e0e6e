package com.catalyst.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScanResponseTest {

    private static final Instant AS_OF = Instant.parse("2026-03-10T14:00:00Z");

    @Test
    void oneRowPerCandidateWithEveryScanResultsColumn() {
        ScanCandidate a = new ScanCandidate("AAA", 12.5, 40_000, 1.25, 2.5, -0.75, 0.12, 62.5, 40, 10, 30, 33.5, 1);
        ScanCandidate b = new ScanCandidate("BBB", 80, 1_000, 0, 1, 0, 0.05, 0, 20, 0, 0, 4, 2);
        List<Map<String, Object>> rows = new ScanResponse("cyc-7", AS_OF, 100, 50, Map.of(), List.of(a, b)).sqlRows();

        assertThat(rows).hasSize(2);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("cycle_id", "cyc-7")
                .containsEntry("symbol", "AAA")
                .containsEntry("scan_timestamp", Timestamp.from(AS_OF))
                .containsEntry("momentum_score", 62.5)
                .containsEntry("volume_score", 40.0)
                .containsEntry("catalyst_score", 10.0)
                .containsEntry("technical_score", 30.0)
                .containsEntry("composite_score", 33.5)
                .containsEntry("price", 12.5)
                .containsEntry("volume", 40_000L)
                .containsEntry("rank", 1);
        assertThat(row.get("scan_metadata"))
                .isEqualTo("{\"momentum_percent\":1.2500,\"relative_volume\":2.5000,\"gap_percent\":-0.7500,\"atr_percent\":0.1200}");
        assertThat(rows.get(1)).containsEntry("symbol", "BBB").containsEntry("rank", 2);
    }

    @Test
    void metadataLeavesOutAnAtrStillWarmingUp() {
        ScanCandidate young = new ScanCandidate("AAA", 12.5, 1, 0.5, 1.5, 2.5, Double.NaN, 0, 0, 0, 0, 0, 1);
        String json = (String) new ScanResponse("c", AS_OF, 1, 1, Map.of(), List.of(young)).sqlRows().get(0).get("scan_metadata");
        assertThat(json).isEqualTo("{\"momentum_percent\":0.5000,\"relative_volume\":1.5000,\"gap_percent\":2.5000}");
    }

    @Test
    void metadataUsesAPointAsDecimalSeparatorWhateverTheDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            ScanCandidate a = new ScanCandidate("AAA", 12.5, 1, 0.5, 1.5, 2.5, 0.1, 0, 0, 0, 0, 0, 1);
            String json = (String) new ScanResponse("c", AS_OF, 1, 1, Map.of(), List.of(a)).sqlRows().get(0).get("scan_metadata");
            assertThat(json).contains("0.5000").doesNotContain(",5000");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void aWatchlistSymbolsRowSaysSoAndWhichFilterDroppedIt() {
        ScanCandidate watched = new ScanCandidate("AAA", 2.5, 1, Double.NaN, 1.5, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 7)
                .onWatchlist("price");
        String json = (String) new ScanResponse("c", AS_OF, 1, 0, Map.of(), List.of(watched)).sqlRows().get(0).get("scan_metadata");
        assertThat(json).isEqualTo("{\"relative_volume\":1.5000,\"watchlist\":true,\"filtered_by\":\"price\"}");
        assertThat(watched.tradeable()).isFalse();
        assertThat(watched.withCatalyst(50).filteredBy()).isEqualTo("price");
    }

    @Test
    void noCandidatesNoRows() {
        assertThat(new ScanResponse("c", AS_OF, 10, 0, Map.of(), List.of()).sqlRows()).isEmpty();
    }
}
