package com.catalyst.backtest;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.catalyst.research.SweepPlan;
import com.catalyst.research.SweepSummary;
import com.catalyst.research.TrialFigures;
import com.catalyst.research.TrialOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sweep tables (V13): a sweep's row, its trials written once each under (sweep_id, trial_no) as they end, its folds,
 * and reading them back. Progress is the count of trial rows, so a trial written twice still counts once.
 */
@Repository
public class SweepStore {

    /** Who writes a trial's result: this process, as host:pid (docs/research.md, sweep_trials.worker). */
    static final String WORKER = hostName() + ":" + ProcessHandle.current().pid();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public SweepStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long create(String strategy, Map<String, Object> request, Map<String, Object> baseParameters, String method, String objective,
                       Object walkForward, Long seed, String source, List<String> symbols, LocalDate from, LocalDate to, int sessions,
                       int trialsTotal, int trialsSkipped) {
        return jdbc.queryForObject("insert into sweeps (strategy, request, base_parameters, method, objective, walk_forward, seed, source, "
                        + "symbols, range_from, range_to, sessions, trials_total, trials_skipped) values (?, cast(? as jsonb), cast(? as jsonb), ?, ?, "
                        + "cast(? as jsonb), ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?) returning sweep_id", Long.class,
                strategy, write(request), write(baseParameters), method, objective, walkForward == null ? null : write(walkForward), seed, source,
                symbols == null || symbols.isEmpty() ? null : String.join(",", symbols), date(from), date(to), sessions, trialsTotal, trialsSkipped);
    }

    public void running(long id, int threads) {
        jdbc.update("update sweeps set status = 'running', started_at = now(), threads = ? where sweep_id = ? and status = 'queued'", threads, id);
    }

    /** Writes a trial's result once: a second write of the same trial does nothing. Answers whether this call wrote it. */
    public boolean trial(long id, TrialOutcome o, long runMillis) {
        int written = jdbc.update(con -> {
            var ps = con.prepareStatement("insert into sweep_trials (sweep_id, trial_no, parameters, in_sample, out_of_sample, folds, "
                    + "session_returns, bars, run_millis, session_equity, worker) values (?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), "
                    + "cast(? as jsonb), ?, ?, ?, ?, ?) on conflict (sweep_id, trial_no) do nothing");
            ps.setLong(1, id);
            ps.setInt(2, o.trialNo());
            ps.setString(3, write(o.parameters()));
            ps.setString(4, write(o.inSample()));
            ps.setString(5, o.outOfSample() == null ? null : write(o.outOfSample()));
            ps.setString(6, write(o.folds()));
            Array returns = con.createArrayOf("float8", java.util.Arrays.stream(o.sessionReturns()).boxed().toArray());
            ps.setArray(7, returns);
            ps.setLong(8, o.bars());
            ps.setLong(9, runMillis);
            ps.setArray(10, con.createArrayOf("numeric", o.sessionEquity()));
            ps.setString(11, WORKER);
            return ps;
        });
        jdbc.update("update sweeps set trials_done = (select count(*) from sweep_trials where sweep_id = ?) where sweep_id = ?", id, id);
        return written == 1;
    }

    public int trialsWritten(long id) {
        return jdbc.queryForObject("select count(*) from sweep_trials where sweep_id = ?", Integer.class, id);
    }

    public boolean trialWritten(long id, int trialNo) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from sweep_trials where sweep_id = ? and trial_no = ?)",
                Boolean.class, id, trialNo));
    }

    /**
     * The trials' results as written (by workers), one slot a trial of {@code plan} in trial order, null where none was
     * written: the figures, returns and equity from the row, the parameters from the plan (the same values a trial run
     * here would carry).
     */
    public List<TrialOutcome> outcomes(long id, SweepPlan plan) {
        TrialOutcome[] outcomes = new TrialOutcome[plan.trials().size()];
        jdbc.query("select trial_no, in_sample::text as in_sample, out_of_sample::text as out_of_sample, folds::text as folds, session_returns, "
                + "session_equity, bars, run_millis from sweep_trials where sweep_id = ? order by trial_no", rs -> {
            int no = rs.getInt("trial_no");
            if (no < 1 || no > outcomes.length) {
                return;
            }
            try {
                Double[] returns = (Double[]) rs.getArray("session_returns").getArray();
                BigDecimal[] equity = (BigDecimal[]) rs.getArray("session_equity").getArray();
                String out = rs.getString("out_of_sample");
                outcomes[no - 1] = new TrialOutcome(no, plan.trials().get(no - 1).parameters(),
                        json.readValue(rs.getString("in_sample"), TrialFigures.class),
                        out == null ? null : json.readValue(out, TrialFigures.class),
                        json.readValue(rs.getString("folds"), new TypeReference<List<TrialOutcome.FoldFigures>>() { }),
                        java.util.Arrays.stream(returns).mapToDouble(Double::doubleValue).toArray(), equity, rs.getLong("bars"),
                        rs.getLong("run_millis") * 1_000_000);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("sweep " + id + " trial " + no + ": its stored result is not readable", e);
            }
        }, id);
        return java.util.Arrays.asList(outcomes);
    }

    public void finished(long id, String status, SweepSummary summary) {
        for (SweepSummary.FoldResult f : summary.folds()) {
            jdbc.update("insert into sweep_folds (sweep_id, fold_no, in_sample_from, in_sample_to, out_of_sample_from, out_of_sample_to, "
                            + "chosen_trial, chosen_parameters, in_sample_objective, out_of_sample) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, "
                            + "cast(? as jsonb)) on conflict (sweep_id, fold_no) do nothing", id, f.foldNo(), date(f.inSampleFrom()),
                    date(f.inSampleTo()), date(f.outOfSampleFrom()), date(f.outOfSampleTo()), f.chosenTrial(), write(f.chosenParameters()),
                    f.inSampleObjective(), write(f.outOfSample()));
        }
        jdbc.update("update sweeps set status = ?, summary = cast(? as jsonb), finished_at = now(), started_at = coalesce(started_at, now()) "
                + "where sweep_id = ?", status, write(summary), id);
    }

    public void failed(long id, String error) {
        jdbc.update("update sweeps set status = 'failed', error = ?, finished_at = now(), started_at = coalesce(started_at, now()) "
                + "where sweep_id = ?", error, id);
    }

    /** Sweeps a stop interrupted: failed, with the trials they had written kept. */
    public int failInterrupted() {
        return jdbc.update("update sweeps set status = 'failed', error = 'interrupted: Catalyst stopped while the sweep was queued or running; "
                + "start it again', finished_at = now() where status in ('queued', 'running')");
    }

    public Map<String, Object> sweep(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select sweep_id, status, strategy, request::text as request, "
                + "base_parameters::text as base_parameters, method, objective, walk_forward::text as walk_forward, seed, source, "
                + "array_to_string(symbols, ',') as symbols, range_from, range_to, sessions, trials_total, trials_done, trials_skipped, threads, "
                + "error, summary::text as summary, created_at, started_at, finished_at from sweeps where sweep_id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public List<Map<String, Object>> trialRows(long id) {
        return jdbc.queryForList("select trial_no, parameters::text as parameters, in_sample::text as in_sample, "
                + "out_of_sample::text as out_of_sample, folds::text as folds, bars, run_millis, worker from sweep_trials where sweep_id = ? "
                + "order by trial_no", id);
    }

    public List<Map<String, Object>> foldRows(long id) {
        return jdbc.queryForList("select fold_no, in_sample_from, in_sample_to, out_of_sample_from, out_of_sample_to, chosen_trial, "
                + "chosen_parameters::text as chosen_parameters, in_sample_objective, out_of_sample::text as out_of_sample "
                + "from sweep_folds where sweep_id = ? order by fold_no", id);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sweep row not writable as JSON", e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
