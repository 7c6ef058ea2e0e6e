package com.catalyst.workflow;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code trading_cycles}: every statement on the table is here, and the workflow routes call these
 * methods as the bean {@code cycleRepository} (issue 14: a repository per aggregate). A cycle's row is written twice,
 * at its start ({@link #started}) and at its end ({@link #finished}); the cycles API reads it as rows named as the
 * columns.
 */
@Repository("cycleRepository")
public class CycleRepository {

    static final String NEXT_NUMBER = "select coalesce(max(cast(split_part(cycle_id, '-', 2) as integer)), 0) + 1 from trading_cycles"
            + " where cycle_id like :day";
    static final String INSERT = "insert into trading_cycles (cycle_id, mode, status, max_positions, max_daily_loss,"
            + " position_size_multiplier, risk_level, scan_frequency, session_time, configuration)"
            + " values (:cycle_id, :mode, 'active', :max_positions, :max_daily_loss, :position_size_multiplier, :risk_level,"
            + " :scan_frequency, :session_time, cast(:configuration as jsonb))";
    static final String FINISH = "update trading_cycles set status = :status, stopped_at = now(), candidates_scanned = :candidates_scanned,"
            + " candidates_after_news = :candidates_after_news, candidates_after_pattern = :candidates_after_pattern,"
            + " candidates_after_technical = :candidates_after_technical, candidates_picked = :candidates_picked,"
            + " orders_approved = :orders_approved, orders_placed = :orders_placed, news_status = :news_status,"
            + " duration_ms = :duration_ms, step_timings = cast(:step_timings as jsonb), failure_reason = :failure_reason"
            + " where cycle_id = :cycle_id";
    static final String LATEST = "select cycle_id, mode, status, started_at, stopped_at, session_time, duration_ms, candidates_scanned,"
            + " candidates_after_news, candidates_after_pattern, candidates_after_technical, candidates_picked, orders_approved,"
            + " orders_placed, news_status, cast(step_timings as text) as step_timings, failure_reason"
            + " from trading_cycles order by started_at desc limit 1";
    static final String HISTORY = "select cycle_id, mode, status, started_at, stopped_at, duration_ms, candidates_scanned, candidates_picked,"
            + " orders_approved, orders_placed, news_status, failure_reason from trading_cycles order by started_at desc limit :limit";
    static final String FAIL_INTERRUPTED = "update trading_cycles set status = 'failed', stopped_at = coalesce(stopped_at, now()),"
            + " failure_reason = coalesce(failure_reason, :reason) where status = 'active'";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public CycleRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The number the session's next cycle takes: one more than the highest of its ids {@code YYYYMMDD-NNN}, from 1. */
    public int nextNumber(LocalDate session) {
        return jdbc.sql(NEXT_NUMBER).param("day", session.format(DAY) + "-%").query(Integer.class).single();
    }

    /** Records a cycle as started ({@code active}). */
    public void started(CycleStart start) {
        jdbc.sql(INSERT)
                .param("cycle_id", start.cycleId())
                .param("mode", start.mode().id())
                .param("max_positions", start.maxPositions())
                .param("max_daily_loss", start.maxDailyLoss())
                .param("position_size_multiplier", start.sizeMultiplier())
                .param("risk_level", start.riskLevel())
                .param("scan_frequency", start.scanFrequencySeconds())
                .param("session_time", Timestamp.from(start.sessionTime()))
                .param("configuration", start.configuration())
                .update();
    }

    /** Records how a cycle ended: its status, what each step kept, how long each took, and why it failed if it did. */
    public void finished(CycleSummary summary) {
        jdbc.sql(FINISH)
                .param("cycle_id", summary.cycleId())
                .param("status", summary.status())
                .param("candidates_scanned", summary.candidates())
                .param("candidates_after_news", summary.afterNews())
                .param("candidates_after_pattern", summary.afterPattern())
                .param("candidates_after_technical", summary.afterTechnical())
                .param("candidates_picked", summary.picked())
                .param("orders_approved", summary.approved())
                .param("orders_placed", summary.placed())
                .param("news_status", summary.newsStatus())
                .param("duration_ms", summary.durationMs())
                .param("step_timings", stepTimings(summary))
                .param("failure_reason", summary.failureReason())
                .update();
    }

    private String stepTimings(CycleSummary summary) {
        try {
            return json.writeValueAsString(summary.stepMillis());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("step timings of " + summary.cycleId() + " not writable as JSON", e);
        }
    }

    /** The latest cycle's row (the cycles API's {@code current}), or null when no cycle has run. */
    public Map<String, Object> latest() {
        return jdbc.sql(LATEST).query().listOfRows().stream().findFirst().orElse(null);
    }

    /** The last {@code limit} cycles' rows, newest first. */
    public List<Map<String, Object>> history(int limit) {
        return jdbc.sql(HISTORY).param("limit", limit).query().listOfRows();
    }

    /**
     * Marks every {@code active} row failed with {@code reason} (kept if one is already there): called only while no
     * cycle runs, when such a row can only be one whose cycle could not record its end. Returns how many were marked.
     */
    public int failInterrupted(String reason) {
        return jdbc.sql(FAIL_INTERRUPTED).param("reason", reason).update();
    }
}
