package com.catalyst.backtest.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.awaitility.Awaitility.await;

/**
 * Issue 15's benchmark, the Kafka half (bench/sweep/kafka.sh): the same sweep in process on one thread (the baseline),
 * then through a real Kafka broker (KRaft, in this JVM) to 1 and then 2 worker processes of the packaged jar
 * ({@code CATALYST_BUNDLES=backtest-worker}), each as trials per second from the sweep's start to its end as the
 * record has them, and as a ratio to the one-thread run. Each configuration runs one untimed sweep first (the workers
 * start cold). Aims, printed, never asserted: 2 workers within 20 % of linear (≥ 1.6 × one worker), and one worker
 * within 10 % of in-process per trial (≥ 0.9 ×). Needs PostgreSQL (CATALYST_TEST_PG) and target/catalyst.jar.
 */
public final class SweepKafkaBenchmark {

    static final String SWEEP = "{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-31\","
            + "\"grid\":{\"ema_fast\":[3,5,7,9],\"ema_slow\":[%s]},\"objective\":\"sharpe\",\"engine\":\"%s\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepKafkaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String db = "catalyst_bench_sweep_kafka";
        TestDatabases.fresh(db);
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.afterPropertiesSet();
        kafka.addTopics(new NewTopic("catalyst.sweep.trials", 6, (short) 1));
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/" + db,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString(), "CATALYST_BACKTEST_DATA_DIR", "data/pyalgotrade");
        List<String> jvm = List.of("-Xmx512m");
        List<CatalystProcess> processes = new ArrayList<>();
        try {
            CatalystProcess app = CatalystProcess.start("bench-sweep-app", TestPorts.free(), env, jvm,
                    "--catalyst.workflow.auto-start=false", "--catalyst.sweep.threads=1");
            processes.add(app);
            app.awaitHealth("healthy", Duration.ofMinutes(5));

            run(app, "in-process", "20,25");
            Result inProcess = run(app, "in-process", "21,26,31,36,41,46");
            System.out.printf("in process, 1 thread     %6.2f trials/s   (%d trials in %.1f s)%n", inProcess.perSecond(), inProcess.trials,
                    inProcess.seconds);

            List<Result> kafkaRuns = new ArrayList<>();
            for (int workers = 1; workers <= 2; workers++) {
                CatalystProcess worker = CatalystProcess.start("bench-sweep-worker-" + workers, TestPorts.free(),
                        merge(env, "CATALYST_BUNDLES", "backtest-worker"), jvm);
                processes.add(worker);
                worker.awaitHealth("healthy", Duration.ofMinutes(5));
                run(app, "kafka", "20,25");
                Result r = run(app, "kafka", "21,26,31,36,41,46");
                kafkaRuns.add(r);
                System.out.printf("kafka, %d worker%s        %6.2f trials/s   (%d trials in %.1f s)   %.2f × in process%n", workers,
                        workers == 1 ? " " : "s", r.perSecond(), r.trials, r.seconds, r.perSecond() / inProcess.perSecond());
            }
            double perTrial = kafkaRuns.get(0).perSecond() / inProcess.perSecond();
            double scaling = kafkaRuns.get(1).perSecond() / kafkaRuns.get(0).perSecond();
            System.out.printf("on %d cores (the app, the workers and the broker share them)%n", Runtime.getRuntime().availableProcessors());
            System.out.printf("aim: 1 worker within 10 %% of in process per trial: %.2f (%s)%n", perTrial, perTrial >= 0.9 ? "met" : "NOT met");
            System.out.printf("aim: 2 workers within 20 %% of linear: %.2f × one worker = %.2f of linear (%s)%n", scaling, scaling / 2,
                    scaling / 2 >= 0.8 ? "met" : "NOT met");
        } finally {
            for (CatalystProcess p : processes) {
                p.close();
            }
            kafka.destroy();
        }
    }

    record Result(int trials, double seconds) {
        double perSecond() {
            return trials / seconds;
        }
    }

    /** One sweep to its end; its duration from the record's started and finished times. */
    private static Result run(CatalystProcess app, String engine, String slow) throws Exception {
        var started = app.post("/api/v1/backtests/sweeps", SWEEP.formatted(slow, engine));
        if (started.statusCode() != 202) {
            throw new IllegalStateException("sweep refused: " + started.body());
        }
        long id = JSON.readTree(started.body()).get("sweep_id").asLong();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = JSON.readTree(app.get("/api/v1/backtests/sweeps/" + id).body());
            String status = last[0].get("status").asText();
            return !status.equals("queued") && !status.equals("running");
        });
        if (!"completed".equals(last[0].get("status").asText())) {
            throw new IllegalStateException("sweep " + id + " ended " + last[0].get("status") + ": " + last[0].get("error"));
        }
        JsonNode timings = last[0].get("timings");
        double seconds = (millis(timings.get("finished_at")) - millis(timings.get("started_at"))) / 1000.0;
        return new Result(last[0].get("trials").size(), seconds);
    }

    private static long millis(JsonNode time) {
        return time.isNumber() ? time.asLong() : OffsetDateTime.parse(time.asText()).toInstant().toEpochMilli();
    }

    private static Map<String, String> merge(Map<String, String> env, String key, String value) {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.put(key, value);
        return out;
    }
}
