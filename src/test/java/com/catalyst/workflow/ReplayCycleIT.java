package com.catalyst.workflow;

import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.testsupport.TestDatabases;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay adapter drives a cycle on real bars: SPY's 1-minute session of 2011-03-09 from data/pyalgotrade,
 * at 12:00 New York time. The scan sees the real price at that minute.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.market.adapter=replay",
        "catalyst.market.replay-dir=data",
        "catalyst.news.adapter=none",
        "catalyst.clock.session-date=2011-03-09",
        "catalyst.clock.start-time=12:00",
        "catalyst.clock.speed=0"})
class ReplayCycleIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_replay"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MarketDataPort market;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Test
    void aCycleRunsOnReplayedRealBars() {
        CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(summary.status()).as(String.valueOf(summary.failureReason())).isEqualTo("completed");
        assertThat(summary.cycleId()).startsWith("20110309-");
        assertThat(summary.scanned()).isEqualTo(1);

        List<Bar> bars = market.intradayBars("SPY", java.time.LocalDate.of(2011, 3, 9), summary.sessionTime());
        assertThat(bars).hasSize(150); // 09:31 … 12:00
        Map<String, Object> row = jdbc.queryForMap("select s.symbol, r.price from scan_results r join securities s using (security_id) where r.cycle_id = ?",
                summary.cycleId());
        assertThat(row.get("symbol")).isEqualTo("SPY");
        assertThat(((Number) row.get("price")).doubleValue()).isEqualTo(bars.get(bars.size() - 1).close());

        // every replayed bar went through the sanitizer, and its findings are published (the real files are clean)
        assertThat(metrics.get("catalyst.bars.checked").functionCounter().count()).isGreaterThan(30_000);
        assertThat(metrics.get("catalyst.bars.rejected").tag("reason", "zero_volume").functionCounter().count()).isZero();
        assertThat(metrics.get("catalyst.bars.rejected").tag("reason", "malformed_row").functionCounter().count()).isZero();
    }
}
