package com.catalyst.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.catalyst.reporting.SweepPage;
import com.catalyst.research.SweepInputException;
import com.catalyst.research.SweepPlan;
import com.catalyst.research.SweepRunner;
import com.catalyst.research.SweepSummary;
import com.catalyst.research.TrialExecutor;
import com.catalyst.research.TrialOutcome;
import com.catalyst.research.TrialSpec;
import com.catalyst.research.WalkForward;
import com.catalyst.routing.ErrorBodies.ConflictException;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.ErrorBodies.NotFoundException;
import com.catalyst.routing.ErrorBodies.TooManyRequestsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts parameter sweeps and answers their progress and results (docs/research.md). A request is a backtest request
 * (checked by {@link BacktestDesk}: strategy, symbols, period or file, base parameters) plus the sweep's fields
 * ({@link SweepPlan}); the data is read at once, so a missing symbol or a fold longer than the data is a 400 before
 * anything is recorded. Sweeps go one at a time on the {@code sweep} thread; each one's trials run on a pool of
 * {@code catalyst.sweep.threads} threads (every core by default), each trial a backtest whose cycles go through the
 * bundles' backtest routes as a single run's do. Each trial's result is written once as it ends; the summary (ranking,
 * folds, stitched equity, deflated Sharpe, PBO) when the last has.
 */
@Component("sweepDesk")
public class SweepDesk implements DisposableBean, SweepTrials {

    private static final Logger LOG = LoggerFactory.getLogger(SweepDesk.class);
    static final long QUEUE_FULL_RETRY_SECONDS = 30;
    /** The base backtest's fields a sweep request may carry besides its own. */
    static final List<String> BACKTEST_FIELDS = List.of("strategy", "symbols", "from", "to", "file", "data_dir", "cycle_minutes", "ema_fast",
            "ema_slow", "atr_period", "atr_multiple", "mode", "exit_mode", "trail_percent", "trail_atr_multiple");

    private final BacktestDesk backtests;
    private final SweepStore store;
    private final SweepProperties settings;
    private final ObjectMapper json;
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sweep");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<Long, AtomicBoolean> cancels = new ConcurrentHashMap<>();
    /** Where trials go with engine kafka; absent unless catalyst.sweep.engine=kafka (SweepKafkaConfiguration). */
    private final ObjectProvider<SweepTrialDispatch> dispatch;
    private final SweepKafkaProperties kafka;
    /** The worker's last plans by sweep: the data is read once a sweep, not once a trial. */
    private final Map<Long, Planned> workerPlans = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Planned> eldest) {
            return size() > 2;
        }
    });
    static final String IN_PROCESS = "in-process";
    static final String KAFKA = "kafka";
    /** How often the process that took a Kafka sweep looks at its progress. */
    static final long KAFKA_POLL_MILLIS = 250;

    public SweepDesk(BacktestDesk backtests, SweepStore store, SweepProperties settings, ObjectMapper json,
                     ObjectProvider<SweepTrialDispatch> dispatch, SweepKafkaProperties kafka) {
        this.kafka = kafka;
        this.backtests = backtests;
        this.store = store;
        this.settings = settings;
        this.json = json;
        this.dispatch = dispatch;
    }

    /** A request made into what runs: the backtest's settings, the plan of trials, the data, the folds and the engine. */
    record Planned(BacktestDesk.Prepared prepared, SweepPlan plan, BacktestData data, List<WalkForward.Fold> folds, String engine) {
    }

    /** Sweeps left queued or running by a stop cannot resume: failed, with their trials kept (the workflow's process only). */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterrupted(ApplicationReadyEvent ready) {
        if (!ready.getApplicationContext().getEnvironment().getProperty("catalyst.bundle.workflow.enabled", Boolean.class, false)) {
            return;
        }
        int n = store.failInterrupted();
        if (n > 0) {
            LOG.warn("{} sweep(s) interrupted by the last stop marked failed", n);
        }
    }

    public Map<String, Object> start(Map<String, Object> body) throws JsonMappingException {
        Map<String, Object> request = body == null ? Map.of() : body;
        Planned planned = plan(request, true);
        BacktestDesk.Prepared prepared = planned.prepared();
        SweepPlan plan = planned.plan();
        BacktestData data = planned.data();
        List<WalkForward.Fold> folds = planned.folds();
        if (pending.incrementAndGet() > settings.maxSweeps()) {
            pending.decrementAndGet();
            throw new TooManyRequestsException("the sweep queue is full (" + settings.maxSweeps() + " sweeps queued or running, "
                    + "catalyst.sweep.max-sweeps); try again when one has ended", QUEUE_FULL_RETRY_SECONDS);
        }
        long id;
        try {
            List<java.time.LocalDate> sessions = data.sessions();
            id = store.create(prepared.strategy(), request, prepared.parameters(), plan.method(), plan.objective().id(), plan.walkForward(), plan.seed(),
                    data.source(), data.symbols(), sessions.get(0), sessions.get(sessions.size() - 1), sessions.size(), plan.trials().size(),
                    plan.skipped());
            AtomicBoolean cancel = new AtomicBoolean();
            cancels.put(id, cancel);
            AtomicBoolean released = new AtomicBoolean();
            // the sweep leaves the queue before its end is written, so that whoever sees it ended may start another
            Runnable release = () -> {
                if (released.compareAndSet(false, true)) {
                    cancels.remove(id);
                    pending.decrementAndGet();
                }
            };
            coordinator.submit(() -> {
                try {
                    if (KAFKA.equals(planned.engine())) {
                        executeOnKafka(id, planned, cancel, release);
                    } else {
                        execute(id, plan, data, folds, prepared, cancel, release);
                    }
                } finally {
                    release.run();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
        LOG.info("Sweep {} queued: {} trials of {} over {} ({} folds, {})", id, plan.trials().size(), prepared.strategy(), data.source(),
                folds.size(), planned.engine());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sweep_id", id);
        answer.put("status", "queued");
        answer.put("engine", planned.engine());
        answer.put("trials", plan.trials().size());
        answer.put("trials_skipped", plan.skipped());
        answer.put("folds", folds.size());
        answer.put("url", "/api/v1/backtests/sweeps/" + id);
        return answer;
    }

    /**
     * Makes a request into its plan, reading the data: what the process that takes a sweep does, and what a worker does
     * again from the stored request (the same plan, since planning is deterministic). Bad input: a 400 naming the field.
     */
    Planned plan(Map<String, Object> request, boolean checkEngine) throws JsonMappingException {
        Map<String, Object> base = new LinkedHashMap<>();
        Map<String, Object> sweep = new LinkedHashMap<>();
        String engine = settings.engine();
        for (Map.Entry<String, Object> e : request.entrySet()) {
            if ("engine".equals(e.getKey())) {
                engine = String.valueOf(e.getValue());
                if (!IN_PROCESS.equals(engine) && !KAFKA.equals(engine)) {
                    throw new FieldException("engine", "engine must be in-process or kafka, got '" + engine + "'");
                }
            } else if (SweepPlan.FIELDS.contains(e.getKey())) {
                sweep.put(e.getKey(), e.getValue());
            } else if (BACKTEST_FIELDS.contains(e.getKey())) {
                base.put(e.getKey(), e.getValue());
            } else {
                throw new FieldException(e.getKey(), "unknown field '" + e.getKey() + "': a sweep takes " + String.join(", ", BACKTEST_FIELDS)
                        + ", " + String.join(", ", SweepPlan.FIELDS) + ", engine");
            }
        }
        BacktestRequest backtest;
        try {
            backtest = json.convertValue(base, BacktestRequest.class);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw mapping; // a 400 naming the field, as for a backtest
            }
            throw e;
        }
        BacktestDesk.Prepared prepared = backtests.prepare(backtest);
        SweepPlan plan;
        BacktestData data;
        List<WalkForward.Fold> folds;
        try {
            plan = SweepPlan.parse(sweep, prepared.config(), settings.maxTrials());
            data = load(prepared);
            folds = plan.walkForward() == null ? List.of() : plan.walkForward().folds(data.sessions().size());
        } catch (SweepInputException e) {
            throw new FieldException(e.field(), e.getMessage());
        }
        if (checkEngine && KAFKA.equals(engine) && dispatch.getIfAvailable() == null) {
            throw new FieldException("engine", "engine kafka needs Kafka: start Catalyst with KAFKA_BOOTSTRAP_SERVERS "
                    + "(and workers: CATALYST_BUNDLES=backtest-worker), docs/research.md");
        }
        return new Planned(prepared, plan, data, folds, engine);
    }

    /** The data, read now: what is missing is the request's fault (symbols, range, file), named. */
    private static BacktestData load(BacktestDesk.Prepared prepared) {
        try {
            return prepared.loader().get();
        } catch (BacktestInputException e) {
            String m = e.getMessage();
            String field = m.startsWith("unknown symbol") ? "symbols" : m.startsWith("no bars between") || m.startsWith("from ") ? "from"
                    : prepared.source().startsWith("file") ? "file" : "data_dir";
            throw new FieldException(field, m);
        }
    }

    private void execute(long id, SweepPlan plan, BacktestData data, List<WalkForward.Fold> folds, BacktestDesk.Prepared prepared,
                         AtomicBoolean cancel, Runnable release) {
        SweepRunner runner = new SweepRunner(settings.threads());
        store.running(id, runner.threads());
        long t0 = System.nanoTime();
        // the seam: in process, each trial a backtest through the bundles' backtest routes, as BacktestDesk runs one
        TrialExecutor inProcess = spec -> new BacktestEngine(data, spec.config()).run(BacktestListener.NONE, backtests.routes());
        try {
            List<TrialOutcome> outcomes = runner.run(plan.specs(id), inProcess, data.sessions(), folds, cancel::get,
                    (outcome, done, total) -> store.trial(id, outcome, outcome.elapsedNanos() / 1_000_000));
            SweepSummary summary = SweepSummary.of(plan, outcomes, data.sessions(), folds, prepared.config().startingCash());
            boolean cancelled = outcomes.stream().anyMatch(java.util.Objects::isNull);
            release.run();
            store.finished(id, cancelled ? "cancelled" : "completed", summary);
            LOG.info("Sweep {} {}: {} trials on {} threads in {} ms, best trial {}", id, cancelled ? "cancelled" : "completed",
                    outcomes.stream().filter(java.util.Objects::nonNull).count(), runner.threads(), (System.nanoTime() - t0) / 1_000_000,
                    summary.bestTrial());
        } catch (RuntimeException | Error e) {
            LOG.warn("Sweep {} failed: {}", id, e.toString());
            release.run();
            store.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * A sweep on the workers: each trial a message on the trials topic, then the trials' results as the workers write
     * them (each once, under its id), until every one is there or a cancel comes; then the summary, from the results as
     * written, exactly as in process. A trial a worker found failing fails the sweep (the worker recorded why).
     */
    private void executeOnKafka(long id, Planned planned, AtomicBoolean cancel, Runnable release) {
        SweepPlan plan = planned.plan();
        int total = plan.trials().size();
        store.running(id, 0);
        long t0 = System.nanoTime();
        try {
            dispatch.getObject().send(id, plan.trials().stream().map(SweepPlan.Trial::trialNo).toList());
            boolean cancelled = false;
            int written;
            int seen = 0;
            long lastProgress = System.nanoTime();
            while ((written = store.trialsWritten(id)) < total) {
                Map<String, Object> row = store.sweep(id);
                if ("failed".equals(row.get("status"))) {
                    LOG.warn("Sweep {} failed on a worker: {}", id, row.get("error"));
                    release.run();
                    return;
                }
                if (cancel.get()) {
                    cancelled = true;
                    break;
                }
                if (written > seen) {
                    seen = written;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > kafka.maxTrialMs() * 1_000_000L) {
                    throw new IllegalStateException("no trial was written for " + kafka.maxTrialMs() / 1000 + " s (catalyst.sweep.kafka.max-trial-ms): "
                            + "is a worker (CATALYST_BUNDLES=backtest-worker) running and reaching Kafka and PostgreSQL?");
                }
                Thread.sleep(KAFKA_POLL_MILLIS);
            }
            List<TrialOutcome> outcomes = store.outcomes(id, plan);
            SweepSummary summary = SweepSummary.of(plan, outcomes, planned.data().sessions(), planned.folds(),
                    planned.prepared().config().startingCash());
            cancelled = cancelled || outcomes.stream().anyMatch(java.util.Objects::isNull);
            release.run();
            store.finished(id, cancelled ? "cancelled" : "completed", summary);
            LOG.info("Sweep {} {} on the workers: {} trials in {} ms, best trial {}", id, cancelled ? "cancelled" : "completed",
                    outcomes.stream().filter(java.util.Objects::nonNull).count(), (System.nanoTime() - t0) / 1_000_000, summary.bestTrial());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release.run();
            store.failed(id, "interrupted: Catalyst stopped while the sweep ran on the workers; start it again");
        } catch (RuntimeException | Error e) {
            LOG.warn("Sweep {} failed: {}", id, e.toString());
            release.run();
            store.failed(id, "the trials could not be sent to Kafka or read back: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * A worker's trial (routes/backtest-worker.camel.yaml through SweepWorker): the sweep's request as stored, planned
     * again, the trial's backtest through the backtest routes, its result written once. Not run when the sweep has
     * ended or the result is already there.
     */
    @Override
    public Taken run(long sweepId, int trialNo) {
        Map<String, Object> row = store.sweep(sweepId);
        if (row == null || !"running".equals(row.get("status"))) {
            return Taken.SWEEP_ENDED;
        }
        if (store.trialWritten(sweepId, trialNo)) {
            return Taken.ALREADY_DONE;
        }
        Planned planned;
        try {
            planned = workerPlans.get(sweepId);
            if (planned == null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> request = json.readValue((String) row.get("request"), Map.class);
                planned = plan(request, false);
                workerPlans.put(sweepId, planned);
            }
        } catch (Exception e) {
            store.failed(sweepId, "a worker could not plan the sweep again from its request: " + e.getMessage());
            return Taken.FAILED;
        }
        if (trialNo > planned.plan().trials().size()) {
            store.failed(sweepId, "a worker was sent trial " + trialNo + " of a sweep of " + planned.plan().trials().size()
                    + " trials: the workers' settings differ from the sweep's process (docs/research.md)");
            return Taken.FAILED;
        }
        TrialSpec spec = planned.plan().specs(sweepId).get(trialNo - 1);
        TrialOutcome outcome;
        long t0 = System.nanoTime();
        try {
            outcome = TrialOutcome.of(spec, new BacktestEngine(planned.data(), spec.config()).run(BacktestListener.NONE, backtests.routes()),
                    planned.data().sessions(), planned.folds());
        } catch (RuntimeException e) {
            store.failed(sweepId, "trial " + trialNo + " failed on worker " + SweepStore.WORKER + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Taken.FAILED;
        }
        store.trial(sweepId, outcome, (System.nanoTime() - t0) / 1_000_000);
        return Taken.RAN;
    }

    /** Stops a sweep's trials not yet started; those running finish and are kept. 409 when the sweep has ended. */
    public Map<String, Object> cancel(long id) {
        Map<String, Object> row = row(id);
        AtomicBoolean cancel = cancels.get(id);
        String status = (String) row.get("status");
        if (cancel == null || !("queued".equals(status) || "running".equals(status))) {
            throw new ConflictException("sweep " + id + " has ended (" + status + "): nothing to cancel");
        }
        cancel.set(true);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sweep_id", id);
        answer.put("status", "cancelling");
        answer.put("url", "/api/v1/backtests/sweeps/" + id);
        return answer;
    }

    /** The sweep as JSON: status, progress, the trials so far, and once it has ended the folds, best, stitched equity and statistics. */
    public Map<String, Object> view(long id) throws Exception {
        Map<String, Object> row = row(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep_id", row.get("sweep_id"));
        out.put("status", row.get("status"));
        out.put("strategy", row.get("strategy"));
        out.put("method", row.get("method"));
        out.put("objective", row.get("objective"));
        out.put("seed", row.get("seed"));
        out.put("walk_forward", read(row.get("walk_forward")));
        out.put("parameters", read(row.get("base_parameters")));
        out.put("source", row.get("source"));
        String symbols = (String) row.get("symbols");
        out.put("symbols", symbols == null || symbols.isEmpty() ? List.of() : List.of(symbols.split(",")));
        out.put("from", row.get("range_from"));
        out.put("to", row.get("range_to"));
        out.put("sessions", row.get("sessions"));
        int done = ((Number) row.get("trials_done")).intValue();
        int total = ((Number) row.get("trials_total")).intValue();
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("trials_done", done);
        progress.put("trials_total", total);
        progress.put("percent", Math.round(1000.0 * done / total) / 10.0);
        out.put("progress", progress);
        out.put("trials_skipped", row.get("trials_skipped"));
        out.put("threads", row.get("threads"));
        out.put("error", row.get("error"));
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("created_at", row.get("created_at"));
        timings.put("started_at", row.get("started_at"));
        timings.put("finished_at", row.get("finished_at"));
        out.put("timings", timings);
        var summary = row.get("summary") == null ? null : json.readTree((String) row.get("summary"));
        Map<Integer, Integer> rank = new LinkedHashMap<>();
        if (summary != null) {
            int r = 1;
            for (var trial : summary.get("ranking")) {
                rank.put(trial.asInt(), r++);
            }
        }
        List<Map<String, Object>> trials = new ArrayList<>();
        Map<String, Object> best = null;
        for (Map<String, Object> t : store.trialRows(id)) {
            Map<String, Object> trial = new LinkedHashMap<>();
            int no = ((Number) t.get("trial_no")).intValue();
            trial.put("trial_no", no);
            trial.put("rank", rank.get(no));
            trial.put("parameters", read(t.get("parameters")));
            trial.put("in_sample", read(t.get("in_sample")));
            trial.put("out_of_sample", read(t.get("out_of_sample")));
            trial.put("folds", read(t.get("folds")));
            trial.put("bars", t.get("bars"));
            trial.put("run_ms", t.get("run_millis"));
            trial.put("worker", t.get("worker"));
            trials.add(trial);
            if (summary != null && summary.hasNonNull("best_trial") && summary.get("best_trial").asInt() == no) {
                best = trial;
            }
        }
        out.put("best", best);
        out.put("trials", trials);
        if (summary != null) {
            out.put("folds", summary.get("folds"));
            out.put("stitched_equity", summary.get("stitched_equity"));
            out.put("out_of_sample_return_pct", summary.get("out_of_sample_return_pct"));
            out.put("ranking", summary.get("ranking"));
            out.put("deflated_sharpe", summary.get("deflated_sharpe"));
            out.put("pbo", summary.get("pbo"));
            out.put("pbo_blocks", summary.get("pbo_blocks"));
        }
        return out;
    }

    /**
     * The sweep as an HTML page for a browser ({@link SweepPage}): the heatmap of the objective over parameters {@code x}
     * and {@code y} (by default the first two the trials vary; each must be one they vary: else a 400 naming it), the
     * fold table, in-sample against out-of-sample per trial and the stitched out-of-sample equity.
     */
    public String html(long id, String x, String y) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> sweep = json.convertValue(view(id), Map.class);
        List<String> varied = SweepPage.variedParameters(sweep);
        String xs = axis("x", x, varied, varied.isEmpty() ? null : varied.get(0));
        String ys = axis("y", y, varied, varied.stream().filter(p -> !p.equals(xs)).findFirst().orElse(null));
        if (ys != null && ys.equals(xs)) {
            throw new FieldException("y", "y must differ from x ('" + xs + "')");
        }
        return SweepPage.render(sweep, xs, xs == null ? null : ys);
    }

    private static String axis(String field, String asked, List<String> varied, String fallback) {
        if (asked == null || asked.isBlank()) {
            return fallback;
        }
        if (!varied.contains(asked)) {
            throw new FieldException(field, field + " must be a parameter the sweep's trials vary (" + (varied.isEmpty() ? "none yet"
                    : String.join(", ", varied)) + "), got '" + asked + "'");
        }
        return asked;
    }

    private Object read(Object text) throws Exception {
        return text == null ? null : json.readTree((String) text);
    }

    private Map<String, Object> row(long id) {
        Map<String, Object> row = store.sweep(id);
        if (row == null) {
            throw new NotFoundException("no sweep " + id);
        }
        return row;
    }

    @Override
    public void destroy() {
        cancels.values().forEach(c -> c.set(true));
        coordinator.shutdownNow();
    }
}
