package com.catalyst.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.catalyst.market.clock.MutableClock;
import com.catalyst.market.clock.SimulatedClock;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.TestDatabases;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A session on 2026-11-27, the day after Thanksgiving, which closes at 13:00 New York: cycles on the simulated market
 * with the paper broker, the clock stepped by the test. Entries stop in the no-entry window before 13:00 (15 minutes)
 * and open positions are flattened at 13:00 − flatten-minutes-before-close (5), three hours before a 16:00 close would.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.session-date=2026-11-27",
        "catalyst.clock.start-time=10:30",
        "catalyst.clock.speed=0",
        "catalyst.risk.no-entry-last-minutes=15",
        "catalyst.trading.flatten-minutes-before-close=5"})
class EarlyCloseCycleIT {

    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    // the wall clock under the simulated session: speed 1, so the test moves the session by moving it
    static final MutableClock WALL = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @TestConfiguration
    static class SteppedClock {
        @Bean
        @Primary
        TradingClock steppedTradingClock() {
            return new SimulatedClock(WALL, FRIDAY, LocalTime.of(10, 30), 1);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_early_close"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TradingClock clock;

    @Test
    void entriesEndBefore1300AndPositionsAreFlattenedAt1255() {
        // 12:30: the session closes at 13:00, 30 minutes away, outside the no-entry window; the cycle trades
        step(at(12, 30));
        assertThat(clock.sessionClose()).isEqualTo(at(13, 0));
        assertThat(clock.minutesToClose()).isEqualTo(30);
        CycleSummary entries = runCycle();
        assertThat(entries.status()).isEqualTo("completed");
        assertThat(entries.placed()).as("the 12:30 cycle opens positions").isPositive();

        // 12:46: 14 minutes to the 13:00 close, inside the 15-minute no-entry window (a 16:00 close would leave 194)
        step(at(12, 46));
        CycleSummary late = runCycle();
        assertThat(late.placed()).isZero();
        List<String> reasons = jdbc.queryForList("select reason from risk_decisions where cycle_id = ?", String.class, late.cycleId());
        assertThat(reasons).as("the late cycle's picks reach the risk manager").isNotEmpty();
        assertThat(reasons).allSatisfy(r -> assertThat(r).contains("no entries in the last 15 minutes").contains("(14 to the close)"));

        // 12:55: 5 minutes to the close: every position still open is sold at the end of the day, none is held past 13:00
        step(at(12, 55));
        List<Integer> open = jdbc.queryForList("select position_id from positions where status = 'open'", Integer.class);
        assertThat(open).as("positions left open for the flatten").isNotEmpty();
        CycleSummary flatten = runCycle();
        assertThat(flatten.status()).isEqualTo("completed");
        assertThat(jdbc.queryForObject("select count(*) from positions where status = 'open'", Integer.class)).isZero();
        for (Integer id : open) {
            assertThat(jdbc.queryForMap("select close_reason, closed_at from positions where position_id = ?", id))
                    .containsEntry("close_reason", "end_of_day")
                    .satisfies(row -> assertThat(((java.sql.Timestamp) row.get("closed_at")).toInstant()).isBefore(at(13, 0)));
        }
    }

    private CycleSummary runCycle() {
        return producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
    }

    private void step(Instant to) {
        WALL.advance(Duration.between(clock.now(), to));
        assertThat(clock.now()).isEqualTo(to);
    }

    private static Instant at(int hour, int minute) {
        return FRIDAY.atTime(hour, minute).atZone(TradingClock.EXCHANGE_ZONE).toInstant();
    }
}
