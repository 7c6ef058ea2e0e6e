package com.catalyst.pattern;

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
 * PatternRepository on the real PostgreSQL, the schema migrated as the application migrates it: each finding one row
 * with its cycle, times, confidence and levels as JSON; a trader's request stored with no cycle; a cycle the record does
 * not hold refused. No Spring context.
 */
class PatternRepositoryIT {

    static final Instant AS_OF = Instant.parse("2026-01-06T15:30:00Z");
    static final String CYCLE = "20260106-003";

    private JdbcClient jdbc;
    private PatternRepository patterns;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_pattern_repository");
        jdbc = JdbcClient.create(source);
        patterns = new PatternRepository(new NamedParameterJdbcTemplate(source));
        jdbc.sql("insert into trading_cycles (cycle_id, mode, status) values (:id, 'normal', 'active')").param("id", CYCLE).update();
    }

    private static PatternFinding flag(String symbol, Map<String, Double> levels) {
        return new PatternFinding(symbol, "bull_flag", "bullish", 0.82, AS_OF.minusSeconds(600), AS_OF.minusSeconds(60), levels);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("select p.cycle_id, s.symbol, p.detected_at, p.pattern_type, p.direction, p.confidence, p.first_bar_time,"
                + " p.last_bar_time, p.key_levels->>'breakout' breakout, p.key_levels->>'stop' stop, cast(p.key_levels as text) levels"
                + " from pattern_analysis p join securities s using (security_id) order by p.pattern_id").query().listOfRows();
    }

    @Test
    void eachFindingIsOneRowWithItsCycleTimesAndLevels() {
        Map<String, Double> levels = new java.util.LinkedHashMap<>();
        levels.put("breakout", 20.5);
        levels.put("stop", 19.25);
        patterns.record(new PatternResponse(CYCLE, AS_OF, List.of(flag("ACME", levels),
                new PatternFinding("BOLT", "double_top", "bearish", 0.61, AS_OF.minusSeconds(900), AS_OF, Map.of()))));

        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(2);
        Map<String, Object> acme = rows.get(0);
        assertThat(acme).containsEntry("cycle_id", CYCLE).containsEntry("symbol", "ACME").containsEntry("pattern_type", "bull_flag")
                .containsEntry("direction", "bullish").containsEntry("breakout", "20.5").containsEntry("stop", "19.25");
        assertThat((BigDecimal) acme.get("confidence")).isEqualByComparingTo("0.82");
        assertThat(((Timestamp) acme.get("detected_at")).toInstant()).isEqualTo(AS_OF);
        assertThat(((Timestamp) acme.get("first_bar_time")).toInstant()).isEqualTo(AS_OF.minusSeconds(600));
        assertThat(((Timestamp) acme.get("last_bar_time")).toInstant()).isEqualTo(AS_OF.minusSeconds(60));
        assertThat(rows.get(1)).containsEntry("symbol", "BOLT").containsEntry("direction", "bearish").containsEntry("levels", "{}");
    }

    @Test
    void aTradersRequestIsStoredWithNoCycleEachTimeItIsAsked() {
        // as pattern-api-symbol stores it: the report's findings as a response of no cycle
        PatternReport report = new PatternReport("ACME", AS_OF, 120, List.of(new PatternEvidence("bull_flag", "bullish", 0.82,
                AS_OF.minusSeconds(600), AS_OF.minusSeconds(60), Map.of("breakout", 20.5), List.of(), List.of())));

        patterns.record(report.asResponse());
        patterns.record(report.asResponse());

        assertThat(rows()).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("cycle_id", null).containsEntry("symbol", "ACME")
                .containsEntry("breakout", "20.5"));
        assertThat(((Timestamp) rows().get(0).get("detected_at")).toInstant()).isEqualTo(AS_OF);
    }

    @Test
    void aCycleTheRecordDoesNotHoldIsRefused() {
        PatternResponse unknown = new PatternResponse("20260106-999", AS_OF, List.of(flag("ACME", Map.of())));

        assertThatThrownBy(() -> patterns.record(unknown)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows()).isEmpty();
    }
}
