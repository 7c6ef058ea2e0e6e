package com.catalyst.backtest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sweep across processes through a real Kafka broker (KRaft, in this JVM): the application under test takes the
 * sweep with {@code catalyst.sweep.engine=kafka} and puts its trials on the topic; three workers, each the packaged jar
 * started with {@code CATALYST_BUNDLES=backtest-worker} on the same PostgreSQL, take them in one consumer group. One
 * worker is killed with SIGKILL while the sweep runs: every trial is still written, exactly once, and the sweep
 * completes; then the same sweep in process gives the same trials, figure for figure, and the same ranking.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = {"catalyst.backtest.data-dir=data/pyalgotrade", "catalyst.sweep.engine=kafka",
        "catalyst.sweep.threads=1"})
class SweepKafkaIT {

    static final String TOPIC = "catalyst.sweep.trials";
    /** 36 trials of ema-cross on SPY's March 2011 minutes: long enough that a worker is killed in the middle. */
    static final String SWEEP = "{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-31\","
            + "\"grid\":{\"ema_fast\":[3,5,7,9,11,13],\"ema_slow\":[20,25,30,35,40,50]},\"objective\":\"sharpe\"%s}";
    static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 6);

    static {
        KAFKA.afterPropertiesSet();
        KAFKA.addTopics(new NewTopic(TOPIC, 6, (short) 1));
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("catalyst.sweep.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.destroy();
    }

    @Autowired
    CatalystHttp http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @Test
    void threeWorkersOneKilledEveryTrialOnceAndTheSameAsInProcess() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String database = url.substring(url.lastIndexOf('/') + 1);
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/" + database,
                "KAFKA_BOOTSTRAP_SERVERS", KAFKA.getBrokersAsString(),
                "CATALYST_BUNDLES", "backtest-worker",
                "CATALYST_BACKTEST_DATA_DIR", "data/pyalgotrade");
        List<CatalystProcess> workers = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                workers.add(CatalystProcess.start("sweep-worker-" + i, TestPorts.free(), env,
                        List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), "--catalyst.workflow.auto-start=false"));
            }
            for (CatalystProcess worker : workers) {
                worker.awaitHealth("healthy", Duration.ofSeconds(300));
            }

            HttpResponse<String> started = http.post("/api/v1/backtests/sweeps", SWEEP.formatted(""));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long id = http.json(started).get("sweep_id").asLong();

            // mid-sweep: some trials written, most not; the first worker dies without a word
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> trialsWritten(id) >= 3);
            assertThat(trialsWritten(id)).as("the kill comes in the middle of the sweep").isLessThan(30);
            workers.get(0).kill();

            JsonNode kafka = awaitEnd(id);
            assertThat(kafka.get("status").asText()).as(kafka.toString()).isEqualTo("completed");
            assertThat(trialsWritten(id)).isEqualTo(36);
            assertThat(jdbc.queryForObject("select count(distinct trial_no) from sweep_trials where sweep_id = ?", Integer.class, id))
                    .isEqualTo(36);
            assertThat(kafka.get("progress").get("trials_done").asInt()).isEqualTo(36);
            List<String> writers = jdbc.queryForList("select distinct worker from sweep_trials where sweep_id = ?", String.class, id);
            assertThat(writers).as("written by the workers, not the process that took the sweep").doesNotContain(SweepStore.WORKER)
                    .hasSizeBetween(2, 3);

            HttpResponse<String> local = http.post("/api/v1/backtests/sweeps", SWEEP.formatted(",\"engine\":\"in-process\""));
            assertThat(local.statusCode()).as(local.body()).isEqualTo(202);
            JsonNode inProcess = awaitEnd(http.json(local).get("sweep_id").asLong());
            assertThat(inProcess.get("status").asText()).isEqualTo("completed");

            JsonNode a = kafka.get("trials");
            JsonNode b = inProcess.get("trials");
            assertThat(a).hasSize(36);
            for (int i = 0; i < 36; i++) {
                assertThat(a.get(i).get("parameters")).isEqualTo(b.get(i).get("parameters"));
                assertThat(a.get(i).get("in_sample")).as("trial " + (i + 1)).isEqualTo(b.get(i).get("in_sample"));
                assertThat(a.get(i).get("rank")).isEqualTo(b.get(i).get("rank"));
            }
            assertThat(kafka.get("best").get("trial_no")).isEqualTo(inProcess.get("best").get("trial_no"));
            assertThat(kafka.get("ranking")).isEqualTo(inProcess.get("ranking"));
            assertThat(inProcess.get("trials").get(0).get("worker").asText()).isEqualTo(SweepStore.WORKER);
            assertThat(kafka.get("pbo")).isEqualTo(inProcess.get("pbo"));
            assertThat(kafka.get("deflated_sharpe")).isEqualTo(inProcess.get("deflated_sharpe"));

            // cancel across workers: the sweep ends cancelled, and the two workers left run none of its other trials
            HttpResponse<String> another = http.post("/api/v1/backtests/sweeps", SWEEP.formatted(""));
            long cancelled = http.json(another).get("sweep_id").asLong();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> trialsWritten(cancelled) >= 2);
            assertThat(http.post("/api/v1/backtests/sweeps/" + cancelled + "/cancel", "").statusCode()).isEqualTo(202);
            JsonNode ended = awaitEnd(cancelled);
            assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("cancelled");
            int atEnd = trialsWritten(cancelled);
            Thread.sleep(5_000); // what the workers still had in hand when the sweep ended: at most one trial each
            assertThat(trialsWritten(cancelled)).as("trials written after the cancel").isLessThanOrEqualTo(atEnd + 2).isLessThan(36);
        } finally {
            for (CatalystProcess worker : workers) {
                worker.close();
            }
        }
    }

    private int trialsWritten(long id) {
        return jdbc.queryForObject("select count(*) from sweep_trials where sweep_id = ?", Integer.class, id);
    }

    private JsonNode awaitEnd(long id) {
        return Sweeps.awaitEnd(http, id, Duration.ofMinutes(10));
    }
}
