package com.catalyst.risk;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RiskLimitChangeRepository on the real PostgreSQL, the schema migrated as the application migrates it: a change
 * written with its source, reason and the four maps as JSON, its time answered as the database writes it, the latest
 * change read back (the one made last, a reset included), none before the first, and a source the table does not take
 * refused. No Spring context.
 */
class RiskLimitChangeRepositoryIT {

    /** PostgreSQL's text form of a timestamptz: {@code 2026-01-06 15:40:37.123456+00}. */
    private static final DateTimeFormatter PG_TEXT = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true).optionalEnd().appendPattern("X").toFormatter();

    private final ObjectMapper json = new ObjectMapper();
    private JdbcClient jdbc;
    private RiskLimitChangeRepository changes;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_risk_limit_change_repository");
        jdbc = JdbcClient.create(source);
        changes = new RiskLimitChangeRepository(jdbc, json);
    }

    private static Map<String, Object> limits(String minPrice, int maxOpen) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("min_price", new BigDecimal(minPrice));
        limits.put("max_open_positions", maxOpen);
        return limits;
    }

    @Test
    void aChangeIsWrittenWithItsMapsAsJsonAndItsTimeAsTheDatabaseWritesIt() throws Exception {
        assertThat(changes.latest()).as("no change before the first").isEmpty();

        String changedAt = changes.record(new RiskLimitChangeRepository.Change("rest", "quiet day", Map.of("min_price", new BigDecimal("9")),
                Map.of("min_price", new BigDecimal("9")), limits("5", 5), limits("9", 5)));

        Map<String, Object> row = jdbc.sql("select source, reason, requested::text as requested, overrides::text as overrides,"
                + " before::text as before, after::text as after, changed_at::text as changed_at from risk_limit_changes").query().singleRow();
        assertThat(row).containsEntry("source", "rest").containsEntry("reason", "quiet day").containsEntry("changed_at", changedAt);
        assertThat(json.readTree((String) row.get("requested"))).isEqualTo(json.readTree("{\"min_price\": 9}"));
        assertThat(json.readTree((String) row.get("before")).get("min_price").decimalValue()).isEqualByComparingTo("5");
        JsonNode after = json.readTree((String) row.get("after"));
        assertThat(after.get("min_price").decimalValue()).isEqualByComparingTo("9");
        assertThat(after.get("max_open_positions").asInt()).isEqualTo(5);
        // the text the limits API shows as changed_at: a timestamp with its offset
        assertThat(OffsetDateTime.parse(changedAt, PG_TEXT)).isNotNull();

        RiskLimitChangeRepository.Latest latest = changes.latest().orElseThrow();
        assertThat(json.readTree(latest.overridesJson())).isEqualTo(json.readTree("{\"min_price\": 9}"));
        assertThat(latest.changedAt()).isEqualTo(changedAt);
    }

    @Test
    void theLatestIsTheChangeMadeLastAResetIncluded() {
        changes.record(new RiskLimitChangeRepository.Change("rest", null, Map.of("min_price", 9), Map.of("min_price", 9),
                limits("5", 5), limits("9", 5)));
        changes.record(new RiskLimitChangeRepository.Change("mcp", "fewer positions", Map.of("max_open_positions", 3),
                Map.of("min_price", 9, "max_open_positions", 3), limits("9", 5), limits("9", 3)));
        assertThat(changes.latest().orElseThrow().overridesJson()).contains("\"max_open_positions\": 3").contains("\"min_price\": 9");

        String reset = changes.record(new RiskLimitChangeRepository.Change("reset", null, Map.of(), Map.of(), limits("9", 3), limits("5", 5)));

        RiskLimitChangeRepository.Latest latest = changes.latest().orElseThrow();
        assertThat(latest.overridesJson()).isEqualTo("{}");
        assertThat(latest.changedAt()).isEqualTo(reset);
        assertThat(jdbc.sql("select source from risk_limit_changes order by change_id").query(String.class).list())
                .containsExactly("rest", "mcp", "reset");
        assertThat(jdbc.sql("select count(*) from risk_limit_changes where reason is null").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aSourceTheTableDoesNotTakeIsRefused() {
        assertThatThrownBy(() -> changes.record(new RiskLimitChangeRepository.Change("cron", null, Map.of(), Map.of(), limits("5", 5),
                limits("5", 5)))).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(changes.latest()).isEmpty();
    }
}
