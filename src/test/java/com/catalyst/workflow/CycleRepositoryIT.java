package com.catalyst.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CycleRepository on the real PostgreSQL, the schema migrated as the application migrates it: the day's numbering,
 * a cycle's row from its start to its end, the API's reads, and the repair of rows left active by an interrupted
 * cycle. No Spring context: the repository over a JdbcClient, as the application builds it.
 */
class CycleRepositoryIT {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);

    private JdbcClient jdbc;
    private CycleRepository cycles;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_cycle_repository");
        jdbc = JdbcClient.create(source);
        cycles = new CycleRepository(jdbc, new ObjectMapper());
    }

    private static CycleStart start(String cycleId, TradingMode mode, Instant at) {
        return new CycleStart(cycleId, mode, 5, new BigDecimal("2000.00"), mode.sizeMultiplier(), new BigDecimal("0.01"), 300, at,
                "{\"mode\":\"" + mode.id() + "\"}");
    }

    private static CycleSummary summary(String cycleId, String status, String failure) {
        return new CycleSummary(cycleId, "normal", status, DAY, Instant.parse("2026-01-06T15:00:00Z"), Instant.now(), 412, 500, 100, 35,
                20, 10, 3, 2, 1, "ok", List.of("AAA", "BBB", "CCC"), List.of(), Map.of("scan", 56L, "risk", 39L), failure);
    }

    @Test
    void eachSessionNumbersItsCyclesFromOne() {
        assertThat(cycles.nextNumber(DAY)).isEqualTo(1);
        cycles.started(start("20260106-001", TradingMode.NORMAL, Instant.parse("2026-01-06T15:00:00Z")));
        cycles.started(start("20260106-002", TradingMode.NORMAL, Instant.parse("2026-01-06T15:05:00Z")));
        assertThat(cycles.nextNumber(DAY)).isEqualTo(3);
        assertThat(cycles.nextNumber(DAY.plusDays(1))).as("the next session starts again").isEqualTo(1);
        // past 999 the number grows a digit and still counts on
        cycles.started(start("20260106-1000", TradingMode.NORMAL, Instant.parse("2026-01-06T16:00:00Z")));
        assertThat(cycles.nextNumber(DAY)).isEqualTo(1001);
    }

    @Test
    void aCycleIsRecordedActiveAtItsStartAndWithItsCountsAtItsEnd() {
        Instant at = Instant.parse("2026-01-06T15:00:00Z");
        cycles.started(start("20260106-001", TradingMode.AGGRESSIVE, at));
        Map<String, Object> active = jdbc.sql("select status, mode, max_positions, max_daily_loss, session_time, configuration->>'mode' m"
                + " from trading_cycles where cycle_id = '20260106-001'").query().singleRow();
        assertThat(active).containsEntry("status", "active").containsEntry("mode", "aggressive").containsEntry("max_positions", 5)
                .containsEntry("m", "aggressive");
        assertThat((BigDecimal) active.get("max_daily_loss")).isEqualByComparingTo("2000");
        assertThat(((java.sql.Timestamp) active.get("session_time")).toInstant()).isEqualTo(at);

        cycles.finished(summary("20260106-001", "completed", null));
        Map<String, Object> latest = cycles.latest();
        assertThat(latest).containsEntry("cycle_id", "20260106-001").containsEntry("status", "completed")
                .containsEntry("candidates_scanned", 100).containsEntry("candidates_after_news", 35).containsEntry("candidates_picked", 3)
                .containsEntry("orders_approved", 2).containsEntry("orders_placed", 1).containsEntry("news_status", "ok")
                .containsEntry("duration_ms", 412);
        assertThat(latest.get("stopped_at")).isNotNull();
        assertThat(latest.get("step_timings").toString()).contains("\"scan\": 56").contains("\"risk\": 39");
    }

    @Test
    void theApiReadsTheNewestFirst() throws Exception {
        assertThat(cycles.latest()).as("no cycle yet").isNull();
        assertThat(cycles.history(20)).isEmpty();
        for (int i = 1; i <= 3; i++) {
            cycles.started(start("20260106-00" + i, TradingMode.NORMAL, Instant.parse("2026-01-06T15:0" + i + ":00Z")));
            Thread.sleep(5); // started_at is the database's now(): apart, so the order is the order of the starts
        }
        cycles.finished(summary("20260106-002", "failed", "IllegalStateException: pattern bundle broke"));
        assertThat(cycles.history(2)).extracting(r -> r.get("cycle_id")).containsExactly("20260106-003", "20260106-002");
        assertThat(cycles.history(2).get(1)).containsEntry("status", "failed")
                .containsEntry("failure_reason", "IllegalStateException: pattern bundle broke");
        assertThat(cycles.latest()).containsEntry("cycle_id", "20260106-003").containsEntry("status", "active");
    }

    @Test
    void rowsLeftActiveAreMarkedFailedAndAnEarlierReasonIsKept() {
        cycles.started(start("20260106-001", TradingMode.NORMAL, Instant.parse("2026-01-06T15:00:00Z")));
        cycles.finished(summary("20260106-001", "completed", null));
        cycles.started(start("20260106-002", TradingMode.NORMAL, Instant.parse("2026-01-06T15:05:00Z")));
        cycles.started(start("20260106-003", TradingMode.NORMAL, Instant.parse("2026-01-06T15:10:00Z")));
        jdbc.sql("update trading_cycles set failure_reason = 'database went away' where cycle_id = '20260106-003'").update();

        assertThat(cycles.failInterrupted("interrupted")).isEqualTo(2);

        Map<Object, Object> rows = new java.util.TreeMap<>();
        jdbc.sql("select cycle_id, status || '/' || coalesce(failure_reason, '') s from trading_cycles").query()
                .listOfRows().forEach(r -> rows.put(r.get("cycle_id"), r.get("s")));
        assertThat(rows).containsExactly(Map.entry("20260106-001", "completed/"), Map.entry("20260106-002", "failed/interrupted"),
                Map.entry("20260106-003", "failed/database went away"));
        assertThat(cycles.failInterrupted("interrupted")).as("nothing active any more").isZero();
    }
}
