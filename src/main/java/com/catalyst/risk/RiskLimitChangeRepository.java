package com.catalyst.risk;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code risk_limit_changes}, the record of the trader's run-time changes to the risk limits: one row
 * a change or reset, never updated. {@link RiskLimitsBook} (the limits in force, their checks) writes each change through
 * it before putting the change in force, and reads the latest at its first use. The timestamps travel as the database
 * writes them as text ({@code 2026-01-06 15:40:37.123+00}), which the limits API answers as they are.
 */
@Repository("riskLimitChangeRepository")
public class RiskLimitChangeRepository {

    static final String INSERT = "insert into risk_limit_changes (source, reason, requested, overrides, before, after)"
            + " values (:source, :reason, cast(:requested as jsonb), cast(:overrides as jsonb), cast(:before as jsonb),"
            + " cast(:after as jsonb)) returning changed_at::text";
    static final String LATEST = "select overrides::text as overrides, changed_at::text as changed_at from risk_limit_changes"
            + " order by change_id desc limit 1";

    /**
     * One change: {@code source} {@code rest}, {@code mcp} or {@code reset}; {@code requested} the limits the request
     * named, {@code overrides} every run-time change in force after it, {@code before} and {@code after} the limits in
     * force (each limit's name to its value).
     */
    public record Change(String source, String reason, Map<String, ?> requested, Map<String, ?> overrides, Map<String, ?> before,
                         Map<String, ?> after) {
    }

    /** The latest change as stored: its overrides as JSON text, for the book to read and check again, and when it was made. */
    public record Latest(String overridesJson, String changedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RiskLimitChangeRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change; answers when it was recorded, as text. */
    public String record(Change change) {
        return jdbc.sql(INSERT)
                .param("source", change.source())
                .param("reason", change.reason())
                .param("requested", write(change.requested()))
                .param("overrides", write(change.overrides()))
                .param("before", write(change.before()))
                .param("after", write(change.after()))
                .query(String.class).single();
    }

    /** The latest change or reset, if any was made. */
    public Optional<Latest> latest() {
        return jdbc.sql(LATEST).query((rs, i) -> new Latest(rs.getString("overrides"), rs.getString("changed_at"))).optional();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
