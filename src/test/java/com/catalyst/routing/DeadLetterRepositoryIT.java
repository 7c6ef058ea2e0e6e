package com.catalyst.routing;

import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DeadLetterRepository on the real PostgreSQL, the schema migrated as the application migrates it: each call is one
 * row with every field where the operator looks for it, a letter without a cycle has none, and a body of any size and
 * characters is kept as sent. No Spring context: the repository over a JdbcClient, as the application builds it.
 */
class DeadLetterRepositoryIT {

    private JdbcClient jdbc;
    private DeadLetterRepository letters;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_dead_letter_repository");
        jdbc = JdbcClient.create(source);
        letters = new DeadLetterRepository(jdbc);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("select route_id, cycle_id, endpoint, exception, body, occurred_at from dead_letters order by dead_letter_id")
                .query().listOfRows();
    }

    @Test
    void eachLetterIsOneRowWithEveryField() {
        letters.record("workflow-report", "20260106-004", "http://127.0.0.1:5009/api/v1/reporting/cycle-report?httpMethod=POST",
                "IllegalStateException: reporting is down", "{\"cycle_id\":\"20260106-004\",\"status\":\"completed\"}");
        letters.record("notify-telegram", null, "telegram", "HttpOperationFailedException: 502", "{\"event\":\"order_filled\"}");

        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("route_id", "workflow-report").containsEntry("cycle_id", "20260106-004")
                .containsEntry("endpoint", "http://127.0.0.1:5009/api/v1/reporting/cycle-report?httpMethod=POST")
                .containsEntry("exception", "IllegalStateException: reporting is down")
                .containsEntry("body", "{\"cycle_id\":\"20260106-004\",\"status\":\"completed\"}");
        assertThat(rows.get(0).get("occurred_at")).as("stamped by the database").isNotNull();
        assertThat(rows.get(1)).containsEntry("route_id", "notify-telegram").containsEntry("cycle_id", null)
                .containsEntry("endpoint", "telegram").containsEntry("exception", "HttpOperationFailedException: 502");
    }

    @Test
    void theBodyIsKeptAsSentWhateverItHolds() {
        // the characters a named-parameter or URI parser could take for its own: quotes, colons, question marks, braces
        String body = "{\"headline\":\"Acme's Q3: up 12%? ${not} :#param 'quoted'\",\"text\":\"" + "x".repeat(100_000) + "\"}";

        letters.record("notify-webhook", null, "webhook", "IOException: connection reset", body);

        assertThat(rows()).singleElement().satisfies(row -> assertThat(row.get("body")).isEqualTo(body));
    }
}
