package com.catalyst.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The candidates' metadata as scan_results keeps it (the row's other columns: ScanRepositoryIT), and what goes on through a cycle. */
class ScanResponseTest {

    private static final Instant AS_OF = Instant.parse("2026-03-10T14:00:00Z");

    @Test
    void metadataHoldsEveryFigureToFourDecimals() {
        ScanCandidate a = new ScanCandidate("AAA", 12.5, 40_000, 1.25, 2.5, -0.75, 0.12, 62.5, 40, 10, 30, 33.5, 1);
        assertThat(a.metadataJson())
                .isEqualTo("{\"momentum_percent\":1.2500,\"relative_volume\":2.5000,\"gap_percent\":-0.7500,\"atr_percent\":0.1200}");
    }

    @Test
    void metadataLeavesOutAnAtrStillWarmingUp() {
        ScanCandidate young = new ScanCandidate("AAA", 12.5, 1, 0.5, 1.5, 2.5, Double.NaN, 0, 0, 0, 0, 0, 1);
        assertThat(young.metadataJson()).isEqualTo("{\"momentum_percent\":0.5000,\"relative_volume\":1.5000,\"gap_percent\":2.5000}");
    }

    @Test
    void metadataUsesAPointAsDecimalSeparatorWhateverTheDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            ScanCandidate a = new ScanCandidate("AAA", 12.5, 1, 0.5, 1.5, 2.5, 0.1, 0, 0, 0, 0, 0, 1);
            assertThat(a.metadataJson()).contains("0.5000").doesNotContain(",5000");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void aWatchlistSymbolsMetadataSaysSoAndWhichFilterDroppedIt() {
        ScanCandidate watched = new ScanCandidate("AAA", 2.5, 1, Double.NaN, 1.5, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, 7)
                .onWatchlist("price");
        assertThat(watched.metadataJson()).isEqualTo("{\"relative_volume\":1.5000,\"watchlist\":true,\"filtered_by\":\"price\"}");
        assertThat(watched.tradeable()).isFalse();
        assertThat(watched.withCatalyst(50).filteredBy()).isEqualTo("price");
        // a watchlist symbol that passed every filter is marked, with no filter named
        assertThat(new ScanCandidate("BBB", 20, 1, 0.5, 1.5, 2.5, 0.1, 0, 0, 0, 0, 0, 1).onWatchlist(null).metadataJson())
                .endsWith(",\"atr_percent\":0.1000,\"watchlist\":true}");
    }

    @Test
    void onlyTheCandidatesThatPassedEveryFilterGoOn() {
        ScanCandidate top = new ScanCandidate("AAA", 12.5, 1, 0.5, 1.5, 2.5, 0.1, 0, 0, 0, 0, 0, 1);
        ScanCandidate watched = new ScanCandidate("BBB", 2.5, 1, 0.5, 1.5, 2.5, 0.1, 0, 0, 0, 0, 0, 2).onWatchlist("price");
        assertThat(new ScanResponse("c", AS_OF, 10, 1, Map.of(), List.of(top, watched)).tradeable()).containsExactly(top);
    }
}
