package com.catalyst.health;

import java.time.Duration;
import java.util.Map;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.TestRedis;
import com.catalyst.workflow.CycleSummary;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis stopped mid-run: cycles go on, /health says degraded, nothing fails; Redis back: the system notices by
 * itself, says healthy and writes cycle state again. Runs against a private redis-server so the shared one stays up.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.health.probe-interval-ms=200"})
class RedisOutageIT {

    static final TestRedis REDIS;

    static {
        try {
            REDIS = new TestRedis().start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start a private redis-server: " + e.getMessage(), e);
        }
    }

    @DynamicPropertySource
    static void connections(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.stop();
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    HealthReporter health;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void cyclesGoOnWithoutRedisAndRecoverWhenItReturns() throws Exception {
        await(() -> "healthy".equals(health.report().get("status")));
        CycleSummary before = run();
        assertThat(redis.opsForValue().get("catalyst:cycle:current")).contains(before.cycleId());

        REDIS.stop();
        await(() -> "degraded".equals(health.report().get("status")));
        Map<String, Object> degraded = health.report();
        assertThat(degraded.get("redis")).isEqualTo("down");
        assertThat(degraded.get("database")).isEqualTo("up");
        assertThat(health.httpStatus(degraded)).isEqualTo(200);
        long started = System.nanoTime();
        CycleSummary during = run();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no Redis time-outs on the cycle's path").isLessThan(Duration.ofSeconds(20));
        assertThat(during.status()).isEqualTo("completed");

        REDIS.start();
        await(() -> "healthy".equals(health.report().get("status")));
        CycleSummary after = run();
        assertThat(redis.opsForValue().get("catalyst:cycle:current")).contains(after.cycleId());
    }

    private CycleSummary run() {
        CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(summary.status()).as(String.valueOf(summary.failureReason())).isEqualTo("completed");
        return summary;
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
