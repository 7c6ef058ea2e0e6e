package com.catalyst.backtest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.research.TrialOutcome;
import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Sweeps over REST on the real PostgreSQL and the bundles' backtest routes: the issue's example (ema-cross on SPY's
 * March 2011 minutes, a 2 × 2 grid, walk-forward 10/5/5) is accepted at once, runs to completion on the trial pool,
 * and answers 4 trials with in- and out-of-sample figures, 2 folds, the best trial, the stitched out-of-sample equity
 * and the overfitting statistics in their ranges; each trial is in sweep_trials once (a second write does nothing);
 * the same sweep twice ranks the same; a cancel stops the trials not started; bad input is a 400 naming the field.
 */
@CatalystIntegrationTest
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability // the Prometheus endpoint: route counts
@TestPropertySource(properties = {"catalyst.backtest.data-dir=data/pyalgotrade", "catalyst.sweep.threads=2"})
class SweepIT {

    static final String EXAMPLE = "{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-31\","
            + "\"grid\":{\"ema_fast\":[5,9],\"ema_slow\":[21,30]},\"objective\":\"sharpe\","
            + "\"walk_forward\":{\"in_sample_days\":10,\"out_of_sample_days\":5,\"step_days\":5}}";

    @Autowired
    CatalystHttp http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SweepStore store;

    @Test
    void theIssuesExampleRunsToTheEndWithFoldsBestAndStatistics() throws Exception {
        long cyclesBefore = routeExchanges("workflow-backtest-cycle");
        HttpResponse<String> started = http.post("/api/v1/backtests/sweeps", EXAMPLE);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode answer = http.json(started);
        long id = answer.get("sweep_id").asLong();
        assertThat(answer.get("trials").asInt()).isEqualTo(4);
        assertThat(answer.get("folds").asInt()).isEqualTo(2);
        assertThat(answer.get("url").asText()).isEqualTo("/api/v1/backtests/sweeps/" + id);

        JsonNode sweep = awaitEnd(id);
        assertThat(sweep.get("status").asText()).as(sweep.toString()).isEqualTo("completed");
        assertThat(sweep.get("progress").get("trials_done").asInt()).isEqualTo(4);
        assertThat(sweep.get("progress").get("trials_total").asInt()).isEqualTo(4);
        assertThat(sweep.get("sessions").asInt()).isEqualTo(23);
        assertThat(sweep.get("threads").asInt()).isEqualTo(2);
        assertThat(sweep.get("objective").asText()).isEqualTo("sharpe");

        JsonNode trials = sweep.get("trials");
        assertThat(trials).hasSize(4);
        List<String> parameters = new ArrayList<>();
        for (JsonNode t : trials) {
            parameters.add(t.get("parameters").toString());
            // in-sample: the sessions some fold has in-sample (1 to 15); out of sample: those some fold tests on (11 to 20)
            assertThat(t.get("in_sample").get("sessions").asInt()).isEqualTo(15);
            assertThat(t.get("out_of_sample").get("sessions").asInt()).isEqualTo(10);
            assertThat(t.get("in_sample").has("net_pnl")).isTrue();
            assertThat(t.get("folds")).hasSize(2);
            assertThat(t.get("rank").asInt()).isBetween(1, 4);
        }
        assertThat(parameters).containsExactly("{\"ema_fast\":5,\"ema_slow\":21}", "{\"ema_fast\":5,\"ema_slow\":30}",
                "{\"ema_fast\":9,\"ema_slow\":21}", "{\"ema_fast\":9,\"ema_slow\":30}");

        JsonNode folds = sweep.get("folds");
        assertThat(folds).hasSize(2);
        assertThat(folds.get(0).get("in_sample_from").asText()).isEqualTo("2011-03-01");
        // fold 2 starts 5 sessions after fold 1, and its in-sample window ends where fold 1's out-of-sample window does
        assertThat(folds.get(1).get("in_sample_to")).isEqualTo(folds.get(0).get("out_of_sample_to"));
        assertThat(folds.get(1).get("in_sample_from").asText()).isGreaterThan(folds.get(0).get("in_sample_from").asText());
        for (JsonNode fold : folds) {
            int chosen = fold.get("chosen_trial").asInt();
            assertThat(chosen).isBetween(1, 4);
            assertThat(fold.get("chosen_parameters")).isEqualTo(trials.get(chosen - 1).get("parameters"));
            assertThat(fold.get("out_of_sample").get("sessions").asInt()).isEqualTo(5);
        }
        assertThat(jdbc.queryForObject("select count(*) from sweep_folds where sweep_id = ?", Integer.class, id)).isEqualTo(2);

        JsonNode best = sweep.get("best");
        assertThat(best.get("trial_no").asInt()).isEqualTo(sweep.get("ranking").get(0).asInt());
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(sweep.get("stitched_equity")).hasSize(10);
        assertThat(sweep.get("stitched_equity").get(0).get("fold_no").asInt()).isEqualTo(1);
        assertThat(sweep.get("stitched_equity").get(9).get("fold_no").asInt()).isEqualTo(2);
        assertThat(sweep.get("deflated_sharpe").asDouble()).isBetween(0.0, 1.0);
        assertThat(sweep.get("pbo").asDouble()).isBetween(0.0, 1.0);
        assertThat(sweep.get("pbo_blocks").asInt()).isEqualTo(16);

        // every trial replayed every session's cycles through the bundles' backtest routes (ema-cross: a cycle a minute)
        assertThat(routeExchanges("workflow-backtest-cycle") - cyclesBefore).isEqualTo(4L * 23 * 390);

        // written once per trial: a second write of a trial does nothing and the count stays
        assertThat(jdbc.queryForObject("select count(*) from sweep_trials where sweep_id = ?", Integer.class, id)).isEqualTo(4);
        TrialOutcome again = new TrialOutcome(1, Map.of("ema_fast", 5, "ema_slow", 21), new com.catalyst.research.TrialFigures(1, 0, 0, 0,
                java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, 0, null, null, null, java.math.BigDecimal.ZERO, null), null, List.of(),
                new double[] {0}, new java.math.BigDecimal[] {java.math.BigDecimal.ONE}, 1, 1);
        assertThat(store.trial(id, again, 1)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from sweep_trials where sweep_id = ?", Integer.class, id)).isEqualTo(4);
        assertThat(http.json(http.get("/api/v1/backtests/sweeps/" + id)).get("trials").get(0).get("in_sample"))
                .isEqualTo(trials.get(0).get("in_sample"));

        // the same sweep twice: the same ranking and the same figures
        JsonNode second = awaitEnd(http.json(http.post("/api/v1/backtests/sweeps", EXAMPLE)).get("sweep_id").asLong());
        assertThat(second.get("ranking")).isEqualTo(sweep.get("ranking"));
        assertThat(second.get("folds")).isEqualTo(sweep.get("folds"));
        for (int i = 0; i < 4; i++) {
            assertThat(second.get("trials").get(i).get("in_sample")).isEqualTo(trials.get(i).get("in_sample"));
        }

        // an ended sweep has nothing to cancel; an unknown one is not found
        assertThat(http.post("/api/v1/backtests/sweeps/" + id + "/cancel", "").statusCode()).isEqualTo(409);
        assertThat(http.get("/api/v1/backtests/sweeps/999999").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/v1/backtests/sweeps/999999/cancel", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aCancelStopsTheTrialsNotYetStartedAndTheQueueIsBounded() throws Exception {
        String big = "{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-31\","
                + "\"grid\":{\"ema_fast\":[3,4,5,6,7,8,9,10],\"ema_slow\":[20,25,30,35]}}";
        long id = http.json(http.post("/api/v1/backtests/sweeps", big)).get("sweep_id").asLong();
        long queued = http.json(http.post("/api/v1/backtests/sweeps", big)).get("sweep_id").asLong();
        // catalyst.sweep.max-sweeps (2) are queued or running: one more is refused, nothing recorded
        int sweepsBefore = jdbc.queryForObject("select count(*) from sweeps", Integer.class);
        HttpResponse<String> full = http.post("/api/v1/backtests/sweeps", big);
        assertThat(full.statusCode()).as(full.body()).isEqualTo(429);
        assertThat(full.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(http.json(full).get("error").asText()).contains("catalyst.sweep.max-sweeps");
        assertThat(jdbc.queryForObject("select count(*) from sweeps", Integer.class)).isEqualTo(sweepsBefore);

        HttpResponse<String> cancel = http.post("/api/v1/backtests/sweeps/" + id + "/cancel", "");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        assertThat(http.json(cancel).get("status").asText()).isEqualTo("cancelling");
        assertThat(http.post("/api/v1/backtests/sweeps/" + queued + "/cancel", "").statusCode()).isEqualTo(202);
        JsonNode sweep = awaitEnd(id);
        assertThat(sweep.get("status").asText()).isEqualTo("cancelled");
        int done = sweep.get("progress").get("trials_done").asInt();
        assertThat(done).isLessThan(32);
        assertThat(sweep.get("trials")).hasSize(done);
        assertThat(sweep.get("progress").get("trials_total").asInt()).isEqualTo(32);
        // cancelled while queued: no trial ran
        JsonNode second = awaitEnd(queued);
        assertThat(second.get("status").asText()).isEqualTo("cancelled");
        assertThat(second.get("progress").get("trials_done").asInt()).isZero();
    }

    @Test
    void badInputIsA400NamingTheField() {
        String base = "\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-31\"";
        assertRefused("{" + base + ",\"grid\":{}}", "grid", "'grid' names no parameter");
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            values.append(i == 1 ? "" : ",").append(i);
        }
        StringBuilder slow = new StringBuilder();
        for (int i = 101; i <= 200; i++) {
            slow.append(i == 101 ? "" : ",").append(i);
        }
        assertRefused("{" + base + ",\"grid\":{\"ema_fast\":[" + values + "],\"atr_period\":[" + values + "],\"ema_slow\":[" + slow + "]}}",
                "grid", "the grid makes 1,000,000 trials, more than the 10,000 a sweep may have (catalyst.sweep.max-trials)");
        assertRefused("{" + base + ",\"grid\":{\"ema_speed\":[5]}}", "grid.ema_speed", "unknown parameter 'ema_speed'");
        assertRefused("{" + base + ",\"grid\":{\"max_open_positions\":[3,50]}}", "grid.max_open_positions",
                "'grid.max_open_positions' must be 1 to 20, a whole number, got 50");
        assertRefused("{" + base + ",\"grid\":{\"ema_fast\":[5]},\"walk_forward\":{\"in_sample_days\":20,\"out_of_sample_days\":10}}",
                "walk_forward", "a fold needs 30 sessions (in_sample_days 20 + out_of_sample_days 10), the data has 23");
        assertRefused("{" + base + ",\"grid\":{\"ema_fast\":[5]},\"objective\":\"luck\"}", "objective", "'objective' must be one of");
        assertRefused("{" + base + ",\"grid\":{\"ema_fast\":[5]},\"gird\":{}}", "gird", "unknown field 'gird'");
        assertRefused("{\"strategy\":\"ema-cross\",\"symbols\":[\"NOPE\"],\"grid\":{\"ema_fast\":[5]}}", "symbols", "unknown symbol NOPE");
        assertRefused("{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-13-01\",\"grid\":{\"ema_fast\":[5]}}", "from", "");
        assertThat(jdbc.queryForObject("select count(*) from sweeps where status = 'queued'", Integer.class)).isZero();
    }

    @Test
    void theScriptPrintsProgressLinesTheFoldsAndTheStatistics() throws Exception {
        Process process = new ProcessBuilder("scripts/sweep.sh", "--url", "http://127.0.0.1:" + http.port(), "strategy=ema-cross", "symbols=SPY",
                "from=2011-03-01", "to=2011-03-31", "grid={\"ema_fast\":[5,9],\"ema_slow\":[21,30]}",
                "walk_forward={\"in_sample_days\":10,\"out_of_sample_days\":5}").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("sweep \\d+ queued: 4 trials \\(0 skipped\\), 2 folds")
                .containsPattern("completed\\s+4 / 4 trials \\(100.0 %\\)")
                .contains("best: trial ", "fold 1: in 2011-03-01..", "fold 2: in ", "stitched out-of-sample equity: ", "deflated Sharpe ", "PBO ");

        Process refused = new ProcessBuilder("scripts/sweep.sh", "--url", "http://127.0.0.1:" + http.port(), "strategy=ema-cross",
                "grid={\"ema_speed\":[5]}").redirectErrorStream(true).start();
        String error = new String(refused.getInputStream().readAllBytes());
        assertThat(refused.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(1);
        assertThat(error).contains("refused (400): unknown parameter 'ema_speed'", "[field grid.ema_speed]");
    }

    private void assertRefused(String body, String field, String message) {
        HttpResponse<String> response = http.post("/api/v1/backtests/sweeps", body);
        assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
        JsonNode error = http.json(response);
        assertThat(error.get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(error.get("error").asText()).contains(message);
    }

    /** Exchanges the route has taken so far, as operators see them (camel_exchanges_total in /actuator/prometheus). */
    private long routeExchanges(String route) throws Exception {
        return (long) com.catalyst.ops.PrometheusScrape.of("http://127.0.0.1:" + http.port()).value("camel_exchanges_total",
                "routeId=\"" + route + "\"");
    }

    private JsonNode awaitEnd(long id) {
        return Sweeps.awaitEnd(http, id, Duration.ofMinutes(3));
    }
}
