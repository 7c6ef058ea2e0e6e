package com.catalyst.trading;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.catalyst.faults.FaultPoints;
import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4, point 3 (and issue 16: shorts): the packaged jar, short selling on, is killed with SIGKILL at each step of
 * order submission (the fault points of {@link FaultPoints}) on each kind of order — a long's entry (buy) and exit
 * (sell), a short's entry (sell to open) and exit (buy to cover) — at least {@code catalyst.fault.kills} (50) times,
 * each time restarted on the same database so that start-up reconciliation repairs what the kill left. At the end,
 * after a clean start-up: every order the paper broker's ledger holds is in the record with the same status and filled
 * quantity, no order or fill is doubled, open positions (signed: a short negative) equal the broker's, and each kill's
 * repair is a risk_events row.
 */
class OrderFaultIT {

    static final String DB = "catalyst_it_order_fault";
    static final Pattern MARKER = Pattern.compile("FAULT-POINT (\\S+) (\\S+) (buy|sell)");
    /** The kinds of order each point is killed on: entries and exits of longs and of shorts. */
    static final List<String> KINDS = List.of("entry/long", "entry/short", "exit/long", "exit/short");
    static final String SETTLE_REASON = "never reached the broker before a restart; not resent";

    /** {@code kind}: one of {@link #KINDS}. */
    record Kill(String point, String kind, String clientOrderId) {

        boolean exit() {
            return kind.startsWith("exit/");
        }
    }

    /** The kind of the order the marker named: an exit is CAT-EXIT-…; a long buys to enter and sells to exit, a short the reverse. */
    static String kind(String clientOrderId, String side) {
        boolean exit = clientOrderId.startsWith("CAT-EXIT-");
        boolean lng = exit ? side.equals("sell") : side.equals("buy");
        return (exit ? "exit/" : "entry/") + (lng ? "long" : "short");
    }

    private final String url = TestDatabases.fresh(DB);
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabases.USER, ""));
    private final Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/" + DB);
    private final java.util.concurrent.ExecutorService caller = java.util.concurrent.Executors.newCachedThreadPool();
    private int launches;

    @Test
    void killedAtEveryStepOfOrderSubmissionNothingIsLostOrDoubled() throws Exception {
        int target = Integer.getInteger("catalyst.fault.kills", 50);
        long started = System.nanoTime();
        List<Kill> kills = new ArrayList<>();
        int cycles = 0;
        int cleanCycles = 0;
        int idleKills = 0;
        for (int slot = 0; kills.size() < target; slot++) {
            assertThat(slot).as("slots used for " + target + " kills").isLessThan(target * 3);
            // every tenth slot runs a cycle with no fault point; the others rotate through the four points
            String point = slot % 10 == 9 ? null : FaultPoints.STEPS.get((slot - slot / 10) % 4);
            // the schema comes with the first start-up
            int longs = launches == 0 ? 0 : openPositions("quantity > 0");
            int shorts = launches == 0 ? 0 : openPositions("quantity < 0");
            // the kind this point has been killed on least, among those this launch can reach: exits (the end-of-day
            // flatten) only with such a position open; entries while fewer than 5 positions are open
            int turn = slot;
            String kind = KINDS.stream()
                    .filter(k -> k.startsWith("entry/") ? longs + shorts < 5 : k.equals("exit/long") ? longs > 0 : shorts > 0)
                    .min(java.util.Comparator.comparingLong((String k) -> kills.stream().filter(x -> x.point().equals(point) && x.kind().equals(k)).count())
                            .thenComparing(k -> Math.floorMod(KINDS.indexOf(k) - turn, KINDS.size())))
                    .orElse("exit/long");
            // the side the kill waits for: a long enters with a buy and exits with a sell, a short the reverse
            String side = kind.equals("entry/long") || kind.equals("exit/short") ? "buy" : "sell";
            // exits: the flatten window held open, the clock just after the newest position of the kind was opened, so
            // that its bracket's legs are unlikely to have closed it at the broker before the cycle's flatten does
            Integer exitMinute = kind.startsWith("exit/") ? exitMinute(kind.equals("exit/long") ? "long" : "short") : null;
            CatalystProcess app = launch(point, side, exitMinute, slot);
            try {
                Kill kill = null;
                for (int attempt = 0; attempt < 2 && kill == null; attempt++) {
                    cycles++;
                    kill = runCycleUntilKilled(app, point);
                    if (kill == null) {
                        cleanCycles++;
                        if (point == null) {
                            break;
                        }
                    }
                }
                if (kill != null) {
                    kills.add(kill);
                } else {
                    // a cycle that never reached the point, or the clean slot: killed between cycles all the same
                    app.kill();
                    idleKills++;
                }
            } finally {
                app.kill();
            }
        }

        // a clean start-up on the same database: its reconciliation settles what the last kill left
        CatalystProcess last = launch(null, null, null, -1);
        String health;
        try {
            health = last.get("/health").body();
        } finally {
            last.close();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        Map<String, Long> perPoint = new TreeMap<>();
        kills.forEach(k -> perPoint.merge(k.point() + "/" + k.kind(), 1L, Long::sum));
        long orders = count("orders");
        long brokerOrders = count("paper_broker_orders");
        Map<String, Long> repairs = new TreeMap<>();
        jdbc.queryForList("select event_type, count(*) n from risk_events where event_type like 'reconciliation_%' group by event_type")
                .forEach(r -> repairs.put((String) r.get("event_type"), ((Number) r.get("n")).longValue()));
        System.out.printf("OrderFaultIT: %d cycles (%d clean), %d launches, %d kills in the order path %s, %d idle kills, %d local orders,"
                + " %d broker orders, %d fills, repairs %s, %d s%n", cycles, cleanCycles, launches, kills.size(), perPoint, idleKills, orders,
                brokerOrders, count("fills"), repairs, seconds);

        assertThat(health).contains("\"reconciliation\":{\"status\":\"ok\"");
        assertThat(kills).hasSizeGreaterThanOrEqualTo(target);
        assertThat(perPoint.keySet()).as("every point, on the entries and exits of longs and of shorts").containsAll(FaultPoints.STEPS.stream()
                .flatMap(p -> KINDS.stream().map(k -> p + "/" + k)).toList());

        // zero lost: every order the broker holds is in the record, same status, same filled quantity
        Map<String, String> atBroker = new TreeMap<>();
        jdbc.queryForList("select client_order_id, status, filled_qty from paper_broker_orders")
                .forEach(r -> atBroker.put((String) r.get("client_order_id"), r.get("status") + "/" + r.get("filled_qty")));
        Map<String, String> local = new TreeMap<>();
        jdbc.queryForList("select client_order_id, status, filled_qty from orders where client_order_id in (select client_order_id from paper_broker_orders)")
                .forEach(r -> local.put((String) r.get("client_order_id"), r.get("status") + "/" + r.get("filled_qty")));
        assertThat(local).isEqualTo(atBroker);
        assertThat(atBroker).isNotEmpty();
        // and what the broker never saw was never filled: only refused or canceled, nothing left in between
        assertThat(jdbc.queryForList("select distinct status from orders where client_order_id not in (select client_order_id from paper_broker_orders)",
                String.class)).isSubsetOf("canceled", "rejected");
        assertThat(count("orders where status in ('pending_submit', 'unknown')")).isZero();

        // zero duplicates: one broker order per client id, one fill per filled order and its quantity, one exit per position
        assertThat(count("(select client_order_id from paper_broker_orders group by 1 having count(*) > 1) d")).isZero();
        assertThat(count("(select order_id from fills group by 1 having count(*) > 1) d")).isZero();
        assertThat(jdbc.queryForList("select o.client_order_id from orders o left join fills f using (order_id) where o.filled_qty > 0"
                + " group by o.client_order_id, o.filled_qty having coalesce(sum(f.quantity), 0) <> o.filled_qty", String.class))
                .as("filled orders whose fills do not add up").isEmpty();
        // an exit is the order on the other side of its position: a long's sell, a short's buy
        assertThat(count("(select o.position_id from orders o join positions p using (position_id) where o.filled_qty > 0"
                + " and o.side = case when p.side = 'short' then 'buy' else 'sell' end group by 1 having count(*) > 1) d")).isZero();
        assertThat(count("orders o join positions p using (position_id) where p.side = 'short'"))
                .as("shorts traded").isGreaterThan(0);

        // local positions equal the broker's
        Map<String, Integer> localPositions = new TreeMap<>();
        jdbc.queryForList("select symbol, case when side = 'short' then -quantity else quantity end quantity from v_positions_current")
                .forEach(r -> localPositions.put((String) r.get("symbol"), ((Number) r.get("quantity")).intValue()));
        Map<String, Integer> brokerPositions = new TreeMap<>();
        jdbc.queryForList("select symbol, quantity from paper_broker_positions")
                .forEach(r -> brokerPositions.put((String) r.get("symbol"), ((Number) r.get("quantity")).intValue()));
        assertThat(localPositions).isEqualTo(brokerPositions);

        // positions were put right through their orders, never by guessing one from the broker's book
        assertThat(repairs.keySet()).noneMatch(type -> type.startsWith("reconciliation_position_"));

        // each kill's order ended as the broker has it, with its repair on record
        for (Kill kill : kills) {
            String id = kill.clientOrderId();
            Map<String, Object> row = jdbc.queryForMap("select status, filled_qty, position_id from orders where client_order_id = ?", id);
            switch (kill.point()) {
                case "before-send" -> {
                    assertThat(repairs(id, "reconciliation_order_canceled")).as(kill.toString()).isEqualTo(1);
                    // canceled and never sent, unless a later cycle planned the same exit and reopened it
                    if (count("order_events where client_order_id = '" + id + "' and from_status = 'canceled' and to_status = 'pending_submit'") == 0) {
                        assertThat(atBroker).as(kill.toString()).doesNotContainKey(id);
                        assertThat(row.get("status")).as(kill.toString()).isEqualTo("canceled");
                    } else {
                        assertThat(kill.exit()).as(kill.toString()).isTrue();
                        assertThat(atBroker).as(kill.toString()).containsKey(id);
                    }
                }
                case "sent" -> {
                    assertThat(atBroker).as(kill.toString()).containsKey(id);
                    assertThat(repairs(id, "reconciliation_order_settled")).as(kill.toString()).isEqualTo(1);
                }
                case "order-updated" -> {
                    assertThat(atBroker).as(kill.toString()).containsKey(id);
                    assertThat(repairs(id, "reconciliation_fill_settled")).as(kill.toString())
                            .isEqualTo(((Number) row.get("filled_qty")).intValue() > 0 ? 1 : 0);
                }
                default -> assertThat(atBroker).as(kill.toString()).containsKey(id);
            }
            if (((Number) row.get("filled_qty")).intValue() > 0) {
                assertThat(row.get("position_id")).as(kill + ": the filled order's position").isNotNull();
                if (kill.exit()) {
                    assertThat(jdbc.queryForObject("select status from positions where position_id = ?", String.class, row.get("position_id")))
                            .as(kill + ": the exit closed its position").isEqualTo("closed");
                }
            }
        }
    }

    /** Runs one cycle; returns the kill when the process reached its fault point (and was killed there), else null. */
    private Kill runCycleUntilKilled(CatalystProcess app, String point) throws Exception {
        CompletableFuture<HttpResponse<String>> cycle = CompletableFuture.supplyAsync(() -> {
            try {
                return app.post("/api/v1/workflow/cycles", "");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, caller);
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).pollDelay(Duration.ZERO)
                    .until(() -> cycle.isDone() || MARKER.matcher(Files.readString(app.log())).find());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the cycle neither ended nor reached " + point + " within 3 minutes; see " + app.log() + "\n" + app.tail());
        }
        // the fault point first: a cycle that paused there is killed, whether or not its answer came meanwhile
        Matcher marker = MARKER.matcher(Files.readString(app.log()));
        if (marker.find()) {
            assertThat(marker.group(1)).isEqualTo(point);
            app.kill();
            return new Kill(point, kind(marker.group(2), marker.group(3)), marker.group(2));
        }
        HttpResponse<String> response = cycle.join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return null;
    }

    /**
     * A process on the test's database, shorts allowed, with the fault point armed for orders of {@code side} (or none),
     * its clock at a time of day where the cycle opens positions or, for exits ({@code exitMinute} set), at that minute
     * with the end-of-day flatten window open; returns once start-up reconciliation has succeeded.
     */
    private CatalystProcess launch(String point, String side, Integer exitMinute, int slot) throws Exception {
        launches++;
        boolean exits = exitMinute != null;
        // entries: spread over 09:45–15:14 so prices move between launches and stops and targets are hit too
        int minute = exits ? exitMinute : 9 * 60 + 45 + Math.floorMod(slot * 37, 330);
        List<String> settings = new ArrayList<>(List.of("--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                String.format("--catalyst.clock.start-time=%02d:%02d", minute / 60, minute % 60), "--catalyst.clock.speed=1",
                "--catalyst.risk.max-daily-loss=1000000", "--catalyst.trading.reconcile-interval=1h", "--catalyst.trading.allow-short=true"));
        if (exits) {
            // the flatten window open whatever the time: the cycle's manage step closes every position
            settings.add("--catalyst.trading.flatten-minutes-before-close=390");
        }
        if (point != null) {
            settings.add("--catalyst.fault.pause-at=" + point);
            settings.add("--catalyst.fault.pause-side=" + side);
        }
        CatalystProcess app = CatalystProcess.start("order-fault", TestPorts.free(), env,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), settings.toArray(String[]::new));
        try {
            app.awaitHealth("healthy", Duration.ofMinutes(5));
            AtomicReference<String> health = new AtomicReference<>();
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO).until(() -> {
                    String body = app.get("/health").body();
                    health.set(body);
                    if (body.contains("\"reconciliation\":{\"status\":\"failed\"")) {
                        throw new AssertionError("start-up reconciliation failed: " + body + "\n" + app.tail());
                    }
                    return body.contains("\"reconciliation\":{\"status\":\"ok\"");
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("start-up reconciliation did not succeed within 2 minutes: " + health.get() + "\n" + app.tail());
            }
            return app;
        } catch (Exception | AssertionError e) {
            app.kill();
            throw e;
        }
    }

    /**
     * The New York minute just after the newest open position of {@code side} was opened (by the record, which the last
     * kill may have left behind the broker: then the end of the day), at most 15:56.
     */
    private int exitMinute(String side) {
        Integer opened = jdbc.queryForObject("select max(extract(hour from opened_at at time zone 'America/New_York') * 60"
                + " + extract(minute from opened_at at time zone 'America/New_York'))::int from positions where status = 'open' and side = ?",
                Integer.class, side);
        return opened == null ? 15 * 60 + 56 : Math.min(opened + 1, 15 * 60 + 56);
    }

    private int openPositions(String where) {
        return jdbc.queryForObject("select count(*) from paper_broker_positions where " + where, Integer.class);
    }

    private long count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Long.class);
    }

    private int repairs(String clientOrderId, String type) {
        return jdbc.queryForObject("select count(*) from risk_events where event_type = ? and details->>'client_order_id' = ?", Integer.class,
                type, clientOrderId);
    }
}
