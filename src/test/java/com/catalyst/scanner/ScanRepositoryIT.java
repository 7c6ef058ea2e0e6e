package com.catalyst.scanner;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ScanRepository on the real PostgreSQL, the schema migrated as the application migrates it: each candidate one row of
 * its cycle with every score component, its figures as JSON and not yet selected; a scan stored again keeps its first
 * rows; the candidates API reads the latest scan only, by rank. No Spring context.
 */
class ScanRepositoryIT {

    static final Instant AS_OF = Instant.parse("2026-01-06T15:00:00Z");

    private JdbcClient jdbc;
    private ScanRepository scans;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_scan_repository");
        jdbc = JdbcClient.create(source);
        scans = new ScanRepository(new NamedParameterJdbcTemplate(source));
        for (String cycle : List.of("20260106-001", "20260106-002")) {
            jdbc.sql("insert into trading_cycles (cycle_id, mode, status) values (:id, 'normal', 'active')").param("id", cycle).update();
        }
    }

    private static ScanCandidate candidate(String symbol, double composite, int rank) {
        return new ScanCandidate(symbol, 12.5, 40_000, 1.25, 2.5, -0.75, 0.12, 62.5, 40, 10, 30, composite, rank);
    }

    private static ScanResponse scan(String cycleId, Instant asOf, ScanCandidate... candidates) {
        return new ScanResponse(cycleId, asOf, 500, candidates.length, Map.of(), List.of(candidates));
    }

    @Test
    void eachCandidateIsOneRowWithEveryComponentAndItsFigures() {
        ScanCandidate watched = new ScanCandidate("BOLT", 2.5, 900, Double.NaN, 1.5, Double.NaN, Double.NaN, 0, 20, 0, 0, 4, 2)
                .onWatchlist("price");
        scans.record(scan("20260106-001", AS_OF, candidate("ACME", 33.5, 1), watched));

        Map<String, Object> acme = jdbc.sql("select r.*, s.symbol, r.scan_metadata->>'momentum_percent' momentum_percent,"
                + " r.scan_metadata->>'atr_percent' atr_percent from scan_results r join securities s using (security_id)"
                + " where s.symbol = 'ACME'").query().singleRow();
        assertThat(acme).containsEntry("cycle_id", "20260106-001").containsEntry("rank", 1).containsEntry("volume", 40_000L)
                .containsEntry("selected_for_trading", false).containsEntry("momentum_percent", "1.2500").containsEntry("atr_percent", "0.1200");
        assertThat(((Timestamp) acme.get("scan_timestamp")).toInstant()).isEqualTo(AS_OF);
        Map<String, String> expected = Map.of("momentum_score", "62.5", "volume_score", "40", "catalyst_score", "10",
                "technical_score", "30", "composite_score", "33.5", "price", "12.5");
        expected.forEach((column, value) -> assertThat((BigDecimal) acme.get(column)).as(column).isEqualByComparingTo(value));
        String boltMetadata = jdbc.sql("select cast(r.scan_metadata as text) from scan_results r join securities s using (security_id)"
                + " where s.symbol = 'BOLT'").query(String.class).single();
        assertThat(boltMetadata).isEqualTo("{\"watchlist\": true, \"filtered_by\": \"price\", \"relative_volume\": 1.5000}");
    }

    @Test
    void aScanStoredAgainKeepsItsFirstRows() {
        scans.record(scan("20260106-001", AS_OF, candidate("ACME", 33.5, 1)));
        scans.record(scan("20260106-001", AS_OF.plusSeconds(5), candidate("ACME", 20, 3), candidate("BOLT", 30, 1)));

        List<Map<String, Object>> rows = jdbc.sql("select s.symbol, r.rank from scan_results r join securities s using (security_id)"
                + " order by s.symbol").query().listOfRows();
        assertThat(rows).containsExactly(Map.of("symbol", "ACME", "rank", 1), Map.of("symbol", "BOLT", "rank", 1));
    }

    @Test
    void theApiReadsTheLatestScanOnlyByRank() {
        assertThat(scans.latest(100)).isEmpty();
        scans.record(scan("20260106-001", AS_OF, candidate("OLD", 50, 1)));
        scans.record(scan("20260106-002", AS_OF.plusSeconds(300), candidate("CCC", 10, 3), candidate("AAA", 40, 1), candidate("BBB", 20, 2)));

        List<Map<String, Object>> latest = scans.latest(2);

        assertThat(latest).extracting(r -> r.get("symbol")).containsExactly("AAA", "BBB");
        assertThat(latest.get(0).keySet()).containsExactly("cycle_id", "symbol", "rank", "composite_score", "momentum_score", "volume_score",
                "catalyst_score", "technical_score", "price", "volume", "selected_for_trading", "scan_metadata", "scan_timestamp");
        assertThat(latest.get(0)).containsEntry("cycle_id", "20260106-002");
        assertThat(latest.get(0).get("scan_metadata")).as("JSON text, not a driver object").isInstanceOf(String.class);
        assertThat(scans.latest(100)).hasSize(3);
    }

    @Test
    void aCycleTheRecordDoesNotHoldIsRefused() {
        assertThatThrownBy(() -> scans.record(scan("20260106-999", AS_OF, candidate("ACME", 33.5, 1))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theMarketStreamFollowsTheCandidatesOfTheLatestCycleOfTheLast12HoursByRank() {
        assertThat(scans.recentCandidateSymbols()).isEmpty();
        scans.record(scan("20260106-001", AS_OF, candidate("OLD", 50, 1)));
        scans.record(scan("20260106-002", AS_OF.plusSeconds(300), candidate("CCC", 10, 3), candidate("AAA", 40, 1), candidate("BBB", 20, 2)));
        jdbc.sql("update trading_cycles set started_at = now() - interval '2 hours' where cycle_id = '20260106-001'").update();
        jdbc.sql("update trading_cycles set started_at = now() - interval '1 hour' where cycle_id = '20260106-002'").update();

        assertThat(scans.recentCandidateSymbols()).containsExactly("AAA", "BBB", "CCC");

        // a day old: no longer followed
        jdbc.sql("update trading_cycles set started_at = started_at - interval '12 hours'").update();
        assertThat(scans.recentCandidateSymbols()).isEmpty();

        // the latest cycle has stored no scan yet: none, although an older recent one has
        jdbc.sql("update trading_cycles set started_at = now() - interval '1 hour' where cycle_id = '20260106-001'").update();
        assertThat(scans.recentCandidateSymbols()).containsExactly("OLD");
        jdbc.sql("insert into trading_cycles (cycle_id, mode, status) values ('20260106-003', 'normal', 'active')").update();
        assertThat(scans.recentCandidateSymbols()).isEmpty();
    }
}
