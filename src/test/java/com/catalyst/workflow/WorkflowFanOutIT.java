package com.catalyst.workflow;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.catalyst.testsupport.CatalystIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fan-out branches never stop a cycle: a failing or slow news source leaves news out (recorded as missing)
 * within the timeout, and a failing reporting bundle leaves the cycle completed. AdviceWith puts the faults in.
 */
@UseAdviceWith
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.news.timeout=1s"})
class WorkflowFanOutIT {

    /** What the advised news and reporting branches do in the current test: ok, fail or slow. */
    static final AtomicReference<String> NEWS = new AtomicReference<>("ok");
    static final AtomicReference<String> REPORTING = new AtomicReference<>("ok");
    static final AtomicReference<String> TECHNICAL = new AtomicReference<>("ok");


    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void advise() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "workflow-call-news", a -> a.weaveAddFirst().process(e -> {
                if ("fail".equals(NEWS.get())) {
                    throw new IllegalStateException("news source down");
                }
                if ("slow".equals(NEWS.get())) {
                    Thread.sleep(4000);
                }
            }).to("mock:news"));
            AdviceWith.adviceWith(camel, "workflow-report", a -> {
                a.weaveAddFirst().to("mock:reporting");
                // the fault sits where the real call would fail: inside the route's doTry
                a.weaveByToUri("direct:workflow-call-bundle").before().process(e -> {
                    if ("fail".equals(REPORTING.get())) {
                        throw new IllegalStateException("reporting down");
                    }
                });
            });
            AdviceWith.adviceWith(camel, "workflow-step-technical", a -> a.weaveAddFirst().process(e -> {
                if ("fail".equals(TECHNICAL.get())) {
                    throw new IllegalStateException("technical bundle exploded");
                }
            }));
            camel.start();
        }
        NEWS.set("ok");
        REPORTING.set("ok");
        TECHNICAL.set("ok");
        MockEndpoint.resetMocks(camel);
    }

    @Test
    void newsAnswersAndIsFoldedIntoTheRanking() throws Exception {
        MockEndpoint news = camel.getEndpoint("mock:news", MockEndpoint.class);
        news.expectedMessageCount(1);
        news.message(0).body().isInstanceOf(com.catalyst.workflow.CycleState.class);
        MockEndpoint reporting = camel.getEndpoint("mock:reporting", MockEndpoint.class);
        reporting.expectedMessageCount(1);
        reporting.message(0).body().isInstanceOf(CycleSummary.class);

        CycleSummary summary = run();
        assertThat(summary.newsStatus()).isEqualTo("ok");
        MockEndpoint.assertIsSatisfied(camel);
        assertThat(newsStatus(summary)).isEqualTo("ok");
    }

    @Test
    void aFailingNewsSourceLeavesNewsOutAndTheCycleCompletes() {
        NEWS.set("fail");
        CycleSummary summary = run();
        assertThat(summary.newsStatus()).isEqualTo("missing");
        assertThat(summary.afterNews()).isEqualTo(35);
        assertThat(newsStatus(summary)).isEqualTo("missing");
    }

    @Test
    void aSlowNewsSourceDelaysNothingPastItsTimeout() {
        NEWS.set("slow");
        long started = System.nanoTime();
        CycleSummary summary = run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(summary.newsStatus()).isEqualTo("missing");
        assertThat(summary.stepMillis().get("news")).as("news step bounded by the 1 s timeout").isLessThan(3000);
        assertThat(millis).isLessThan(3900);
    }

    @Test
    void aFailingReportingBundleDoesNotFailTheCycle() throws Exception {
        REPORTING.set("fail");
        MockEndpoint reporting = camel.getEndpoint("mock:reporting", MockEndpoint.class);
        reporting.expectedMessageCount(1);
        CycleSummary summary = run();
        reporting.assertIsSatisfied();
        assertThat(jdbc.queryForObject("select status from trading_cycles where cycle_id = ?", String.class, summary.cycleId()))
                .isEqualTo("completed");
        assertThat(jdbc.queryForObject("select count(*) from cycle_reports where cycle_id = ?", Integer.class, summary.cycleId())).isZero();
        // the report waits in dead_letters for an operator
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from dead_letters where cycle_id = ?", Integer.class, summary.cycleId()) > 0);
        var letter = jdbc.queryForMap("select route_id, exception, body from dead_letters where cycle_id = ?", summary.cycleId());
        assertThat(letter.get("route_id")).isEqualTo("workflow-report");
        assertThat((String) letter.get("exception")).contains("reporting down");
        assertThat((String) letter.get("body")).contains("\"cycle_id\":\"" + summary.cycleId() + "\"");
    }

    @Test
    void aCycleThatFailsMidwayIsMarkedFailedWithItsReasonAndKeepsWhatItDecided() {
        TECHNICAL.set("fail");
        CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(summary.status()).isEqualTo("failed");
        assertThat(summary.failureReason()).contains("technical bundle exploded");
        var row = jdbc.queryForMap("select status, failure_reason, stopped_at, candidates_scanned from trading_cycles where cycle_id = ?",
                summary.cycleId());
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat((String) row.get("failure_reason")).contains("technical bundle exploded");
        assertThat(row.get("stopped_at")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from scan_results where cycle_id = ?", Integer.class, summary.cycleId())).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from orders where cycle_id = ?", Integer.class, summary.cycleId())).isZero();
        // the slot is free again: the next cycle runs
        TECHNICAL.set("ok");
        assertThat(run().status()).isEqualTo("completed");
    }

    private CycleSummary run() {
        CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(summary.status()).as(String.valueOf(summary.failureReason())).isEqualTo("completed");
        return summary;
    }

    private String newsStatus(CycleSummary summary) {
        return jdbc.queryForObject("select news_status from trading_cycles where cycle_id = ?", String.class, summary.cycleId());
    }
}
