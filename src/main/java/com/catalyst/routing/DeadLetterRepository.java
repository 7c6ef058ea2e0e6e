package com.catalyst.routing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code dead_letters}: what a route could not deliver after its retries, kept for an operator to read
 * and send again. The workflow's report (workflow-report) and the notification channels (notify-dead-letter) call
 * {@link #record} as the bean {@code deadLetterRepository}.
 */
@Repository("deadLetterRepository")
public class DeadLetterRepository {

    static final String INSERT = "insert into dead_letters (route_id, cycle_id, endpoint, exception, body)"
            + " values (:route_id, :cycle_id, :endpoint, :exception, :body)";

    private final JdbcClient jdbc;

    public DeadLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one message that was not delivered: the route that gave up, the cycle it belonged to (null when none), the
     * endpoint it was for, the failure ({@code Type: message}) and the message as text.
     */
    public void record(String routeId, String cycleId, String endpoint, String exception, String body) {
        jdbc.sql(INSERT)
                .param("route_id", routeId)
                .param("cycle_id", cycleId)
                .param("endpoint", endpoint)
                .param("exception", exception)
                .param("body", body)
                .update();
    }
}
