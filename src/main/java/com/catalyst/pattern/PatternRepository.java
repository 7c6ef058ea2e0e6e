package com.catalyst.pattern;

import java.sql.Timestamp;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code pattern_analysis}: the pattern bundle's routes store every finding they answer with through
 * the bean {@code patternRepository}, a cycle's (pattern-analyze) and a trader's request (pattern-api-symbol) alike.
 */
@Repository("patternRepository")
public class PatternRepository {

    static final String INSERT = "insert into pattern_analysis (cycle_id, security_id, detected_at, pattern_type, direction, confidence,"
            + " first_bar_time, last_bar_time, key_levels)"
            + " values (:cycle_id, get_or_create_security(:symbol), :detected_at, :pattern_type, :direction, :confidence,"
            + " :first_bar_time, :last_bar_time, cast(:key_levels as jsonb))";

    /** For the batch: JdbcClient has none, the template's batchUpdate sends every row in one JDBC batch. */
    private final NamedParameterJdbcTemplate batches;

    public PatternRepository(NamedParameterJdbcTemplate jdbc) {
        this.batches = jdbc;
    }

    /** Stores each finding of {@code patterns}, detected at its as-of time, under its cycle (null outside one), in one batch. */
    public void record(PatternResponse patterns) {
        SqlParameterSource[] rows = patterns.findings().stream().map(f -> new MapSqlParameterSource()
                .addValue("cycle_id", patterns.cycleId())
                .addValue("symbol", f.symbol())
                .addValue("detected_at", Timestamp.from(patterns.asOf()))
                .addValue("pattern_type", f.patternType())
                .addValue("direction", f.direction())
                .addValue("confidence", f.confidence())
                .addValue("first_bar_time", Timestamp.from(f.firstBarTime()))
                .addValue("last_bar_time", Timestamp.from(f.lastBarTime()))
                .addValue("key_levels", keyLevels(f)))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, rows);
    }

    /** The finding's levels as a JSON object, each level's name to its price. */
    static String keyLevels(PatternFinding finding) {
        return finding.levels().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
