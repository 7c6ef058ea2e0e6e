package com.catalyst.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started under a running jar whose timer runs a cycle every second: /health says unhealthy
 * while it is away, the cycle in flight ends failed or completed (never left 'active'), cycles complete again within
 * 60 s of its return, and nothing recorded before the outage is lost. The server is the test's own (zonky, on a free
 * port, data kept across the restart), so the shared PostgreSQL is never touched.
 */
class PostgresOutageIT {

    static final List<String> TABLES = List.of("trading_cycles", "scan_results", "risk_decisions", "orders", "fills", "positions");

    @Test
    void cyclesStopCleanlyWhileTheDatabaseIsAwayAndResumeWhenItReturns() throws Exception {
        int pgPort = TestPorts.free();
        Path data = Files.createTempDirectory("catalyst-pg-outage");
        EmbeddedPostgres pg = startPostgres(pgPort, data);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", ""));
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + pgPort + "/postgres");
        try (CatalystProcess app = CatalystProcess.start("pg-outage", TestPorts.free(), env, "--catalyst.workflow.interval=1s",
                "--catalyst.clock.session-date=2026-01-06", "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0",
                "--catalyst.health.probe-interval-ms=500", "--catalyst.workflow.reconcile-interval-ms=2000")) {
            app.awaitHealth("healthy", ofSeconds(300));
            await(() -> completed(jdbc) >= 2, ofSeconds(60), "two cycles before the outage");

            Map<String, Long> before = counts(jdbc);
            List<String> cyclesBefore = jdbc.queryForList("select cycle_id from trading_cycles where status <> 'active'", String.class);
            pg.close(); // while the timer keeps firing: a cycle is in flight or about to start
            await(() -> statusOf(app) == 503, ofSeconds(20), "/health unhealthy while PostgreSQL is down");
            assertThat(app.get("/health").body()).contains("\"status\":\"unhealthy\"", "\"database\":\"down\"");
            Thread.sleep(5000);

            pg = startPostgres(pgPort, data);
            long back = System.nanoTime();
            long completedAtReturn = completed(jdbc);
            await(() -> completed(jdbc) > completedAtReturn, ofSeconds(60), "a completed cycle within 60 s of PostgreSQL's return");
            System.out.printf("first completed cycle %d ms after PostgreSQL returned%n", (System.nanoTime() - back) / 1_000_000);
            await(() -> statusOf(app) == 200, ofSeconds(10), "/health healthy again");

            Map<String, Long> after = counts(jdbc);
            before.forEach((table, count) -> assertThat(after.get(table)).as(table).isGreaterThanOrEqualTo(count));
            assertThat(jdbc.queryForList("select cycle_id from trading_cycles", String.class)).containsAll(cyclesBefore);
            // no cycle is left looking alive: the one in flight ended failed or completed
            await(() -> jdbc.queryForObject("select count(*) from trading_cycles where status = 'active'"
                    + " and started_at < now() - interval '3 seconds'", Long.class) == 0, ofSeconds(20), "no stale 'active' cycle");
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres startPostgres(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    private static long completed(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("select count(*) from trading_cycles where status = 'completed'", Long.class);
        } catch (RuntimeException notYet) {
            return -1;
        }
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
        return counts;
    }

    private static int statusOf(CatalystProcess app) {
        try {
            return app.get("/health").statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) {
        org.awaitility.Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
    }
}
