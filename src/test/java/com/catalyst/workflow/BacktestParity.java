package com.catalyst.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.catalyst.backtest.BacktestProperties;
import com.catalyst.config.CatalystProperties;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.risk.RiskLimitsBook;
import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.SteppedTradingClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backtest makes the same trades as the live pipeline on the same day of real bars (issue 14, point 3).
 * <p>
 * <b>Live:</b> the whole application on the replay adapter (SPY's minutes of data/pyalgotrade, no news), the paper
 * broker and a fresh PostgreSQL, with a clock only this test moves. It stands at each minute the backtest runs a cycle
 * at (the {@code pattern} strategy: every {@code catalyst.backtest.cycle-minutes} session minutes, minute 1 being the
 * bar that ends at 09:31) and {@code direct:workflow-run-cycle} runs one cycle there, in order, all day. The trades are
 * the {@code positions} rows. Nothing else may work the broker's orders at a minute the test did not choose: the
 * workflow's timer is off ({@code auto-start=false}), and the two reconciliation timers, which have no off switch,
 * are set to a day ({@code catalyst.trading.reconcile-interval}, the broker's; {@code catalyst.workflow.reconcile-interval-ms},
 * the cycles' record, which would hold the cycle slot and make a cycle of the test fail as already running).
 * <p>
 * <b>Backtest:</b> {@code POST /api/v1/backtests} for the same day and symbol, with the live settings (mode, exit
 * mode and trail, cycle minutes; the risk limits, the paper account and the close flattening are the live ones
 * whatever the request says, which the run's recorded parameters show), run by the application's backtest desk
 * through the bundles' backtest routes ({@code BacktestRouteRunner}). The trades are its {@code backtest_trades}.
 * <p>
 * <b>The same trades</b>, trade for trade in the order of their entries: symbol, side, entry time and price, quantity,
 * exit time, price and reason. A difference fails the test with both sides side by side and the fields that differ.
 * <p>
 * Each subclass is one day and one set of settings ({@link BacktestParityIT}: the shipped settings;
 * {@link BacktestParityShortsIT}: shorts, a trailing exit and partial fills); both run in CI.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.market.adapter=replay",
        "catalyst.market.replay-dir=data",
        "catalyst.news.adapter=none",
        "catalyst.backtest.data-dir=data",
        // no timer may work the broker's orders, or hold the cycle slot, between the test's cycles
        "catalyst.trading.reconcile-interval=24h",
        "catalyst.workflow.reconcile-interval-ms=86400000"})
// the stepped clock, for each subclass (a nested configuration is found on the test class itself only)
@org.springframework.context.annotation.Import(BacktestParity.Clock.class)
abstract class BacktestParity {

    static final String SYMBOL = "SPY";
    private static final int SESSION_MINUTES = 390;

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        SteppedTradingClock steppedClock(@org.springframework.beans.factory.annotation.Value("${catalyst.clock.session-date}") String day) {
            LocalDate session = LocalDate.parse(day);
            return new SteppedTradingClock(session, SteppedTradingClock.at(session, 9, 30));
        }
    }

    @Autowired
    SteppedTradingClock clock;
    /** The session both sides trade: the subclass's catalyst.clock.session-date. */
    LocalDate day;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalystHttp catalyst;
    @Autowired
    ObjectMapper json;
    @Autowired
    CatalystProperties props;
    @Autowired
    BacktestProperties backtest;
    @Autowired
    RiskLimitsBook riskLimits;

    /** What both sides must agree on, for one round trip. */
    record Trade(String symbol, String side, Instant entryTime, BigDecimal entryPrice, int quantity, Instant exitTime, BigDecimal exitPrice,
                 String exitReason) {
    }

    /** A trade as one side recorded it, with what explains a difference (shown, not compared). */
    record Row(Trade trade, BigDecimal stop, BigDecimal target, BigDecimal realizedPnl) {
    }

    @Test
    void aBacktestOfTheDayMakesTheSameTradesAsTheLivePipeline() throws Exception {
        day = clock.sessionDate();
        int cycleMinutes = backtest.cycleMinutes();
        List<Row> live = live(cycleMinutes);
        Run run = backtest(cycleMinutes);

        String table = table(cycleMinutes, run.id(), live, run.trades());
        // printed whether or not the sides agree: the run's output holds the comparison
        System.out.println(table);
        assertThat(run.trades()).as("the day's backtest trades (the session is chosen for at least two)\n" + table).hasSizeGreaterThanOrEqualTo(2);
        assertThat(live.stream().map(Row::trade).toList()).as("live trades against the backtest's\n" + table)
                .containsExactlyElementsOf(run.trades().stream().map(Row::trade).toList());
    }

    /** Every cycle minute of the session, in order: the clock there, one live cycle; then the positions it left. */
    private List<Row> live(int cycleMinutes) {
        Instant open = SteppedTradingClock.at(day, 9, 30);
        int cycles = 0;
        for (int minute = 1; minute <= SESSION_MINUTES; minute++) {
            // the pattern strategy's cadence (PatternCycleStrategy.cycleDue), at the clock BacktestEngine sets
            if (minute % cycleMinutes != 0) {
                continue;
            }
            clock.moveTo(open.plusSeconds(60L * minute));
            CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
            assertThat(summary.status()).as("cycle at " + clock.now() + ": " + summary.failureReason()).isEqualTo("completed");
            assertThat(summary.mode()).isEqualTo(props.workflow().mode());
            cycles++;
        }
        assertThat(cycles).isEqualTo(SESSION_MINUTES / cycleMinutes);
        // a position still open shows without its exit, as the backtest's result lists what it held at its end
        return jdbc.query("select s.symbol, p.side, p.opened_at, p.entry_price, p.quantity, p.closed_at, p.exit_price, p.close_reason,"
                        + " p.stop_loss, p.take_profit, p.realized_pnl from positions p join securities s using (security_id)"
                        + " order by p.opened_at, p.position_id",
                (rs, n) -> new Row(new Trade(rs.getString("symbol"), rs.getString("side"), instant(rs.getTimestamp("opened_at")),
                        price(rs.getBigDecimal("entry_price")), rs.getInt("quantity"), instant(rs.getTimestamp("closed_at")),
                        price(rs.getBigDecimal("exit_price")), rs.getString("close_reason")),
                        rs.getBigDecimal("stop_loss"), rs.getBigDecimal("take_profit"), rs.getBigDecimal("realized_pnl")));
    }

    record Run(long id, List<Row> trades) {
    }

    /** The same day through the application's backtest desk and routes, with the live settings; its trades in entry order. */
    private Run backtest(int cycleMinutes) throws Exception {
        CatalystProperties.Exit exit = props.trading().exit();
        String request = json.writeValueAsString(Map.of("strategy", "pattern", "symbols", List.of(SYMBOL), "from", day.toString(),
                "to", day.toString(), "cycle_minutes", cycleMinutes, "mode", props.workflow().mode(), "exit_mode", exit.mode(),
                "trail_percent", exit.trailPercent(), "trail_atr_multiple", exit.trailAtrMultiple()));
        HttpResponse<String> started = catalyst.post("/api/v1/backtests", request);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = catalyst.json(started).get("run_id").asLong();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("select status from backtest_runs where run_id = ?", String.class, id),
                        s -> s.equals("completed") || s.equals("failed"));
        JsonNode run = catalyst.json(catalyst.get("/api/v1/backtests/" + id));
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");

        // the settings the live cycles ran with, as the run recorded them
        JsonNode p = run.get("parameters");
        assertThat(p.get("strategy").asText()).isEqualTo("pattern");
        assertThat(p.get("mode").asText()).isEqualTo(props.workflow().mode());
        assertThat(p.get("exit_mode").asText()).isEqualTo(exit.mode());
        assertThat(p.get("cycle_minutes").asInt()).isEqualTo(cycleMinutes);
        assertThat(p.get("starting_cash").decimalValue()).isEqualByComparingTo(props.broker().startingCash());
        assertThat(p.get("slippage_bps").asDouble()).isEqualTo(props.broker().slippageBps());
        assertThat(p.get("commission_per_share").decimalValue()).isEqualByComparingTo(props.broker().commissionPerShare());
        assertThat(p.get("flatten_minutes_before_close").asLong()).isEqualTo(props.trading().flattenMinutesBeforeClose());
        assertThat(p.get("risk")).as("the risk limits in force live").isEqualTo(json.readTree(json.writeValueAsString(riskLimits.manager().limits())));
        assertThat(run.get("result").get("sessions").asInt()).isEqualTo(1);
        assertThat(run.get("result").get("cycles").asInt()).isEqualTo(SESSION_MINUTES / cycleMinutes);

        List<Row> trades = jdbc.query("select symbol, side, entry_time, entry_price, quantity, exit_time, exit_price, exit_reason, stop_price,"
                        + " target_price, realized_pnl from backtest_trades where run_id = ? order by entry_time, trade_no",
                (rs, n) -> new Row(new Trade(rs.getString("symbol"), rs.getString("side"), instant(rs.getTimestamp("entry_time")),
                        price(rs.getBigDecimal("entry_price")), rs.getInt("quantity"), instant(rs.getTimestamp("exit_time")),
                        price(rs.getBigDecimal("exit_price")), rs.getString("exit_reason")),
                        rs.getBigDecimal("stop_price"), rs.getBigDecimal("target_price"), rs.getBigDecimal("realized_pnl")), id);
        assertThat(trades).hasSize(run.get("trades_total").asInt());
        // and what the run still held at its end (result.held_at_end), as open positions without an exit
        List<Row> all = new ArrayList<>(trades);
        for (JsonNode h : run.get("result").get("held_at_end")) {
            all.add(new Row(new Trade(h.get("symbol").asText(), h.get("side").asText(), Instant.parse(h.get("entry_time").asText()),
                    price(h.get("entry_price").decimalValue()), h.get("quantity").asInt(), null, null, null), null, null, null));
        }
        all.sort(java.util.Comparator.comparing((Row r) -> r.trade().entryTime()));
        return new Run(id, all);
    }

    /** Both sides one under the other, and for each trade the fields that differ. */
    String table(int cycleMinutes, long runId, List<Row> live, List<Row> backtest) {
        StringBuilder out = new StringBuilder();
        out.append("Backtest parity, ").append(SYMBOL).append(' ').append(day).append(", pattern strategy, a cycle every ")
                .append(cycleMinutes).append(" minutes (times New York)\n");
        String header = String.format("  %-2s %-6s %-5s %-5s %-8s %-11s %-8s %-11s %-13s %-10s %-10s %-10s%n", "#", "symbol", "side", "qty",
                "entry", "entry price", "exit", "exit price", "exit reason", "stop", "target", "P&L");
        out.append("live (positions):\n").append(header);
        rows(out, live);
        out.append("backtest (backtest_trades of run ").append(runId).append("):\n").append(header);
        rows(out, backtest);
        List<String> differences = differences(live, backtest);
        out.append(differences.isEmpty() ? "no difference\n" : "differences:\n");
        differences.forEach(d -> out.append("  ").append(d).append('\n'));
        return out.toString();
    }

    private static void rows(StringBuilder out, List<Row> rows) {
        if (rows.isEmpty()) {
            out.append("  (no trade)\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Trade t = r.trade();
            out.append(String.format("  %-2d %-6s %-5s %-5d %-8s %-11s %-8s %-11s %-13s %-10s %-10s %-10s%n", i + 1, t.symbol(), t.side(),
                    t.quantity(), time(t.entryTime()), t.entryPrice(), time(t.exitTime()), t.exitPrice(), t.exitReason(), r.stop(),
                    r.target(), r.realizedPnl()));
        }
    }

    /** Trade by trade in entry order: each field that differs, with both values; a trade only one side made. */
    static List<String> differences(List<Row> live, List<Row> backtest) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(live.size(), backtest.size()); i++) {
            if (i >= live.size()) {
                out.add("trade " + (i + 1) + ": backtest only");
                continue;
            }
            if (i >= backtest.size()) {
                out.add("trade " + (i + 1) + ": live only");
                continue;
            }
            Trade a = live.get(i).trade();
            Trade b = backtest.get(i).trade();
            List<String> fields = new ArrayList<>();
            field(fields, "symbol", a.symbol(), b.symbol());
            field(fields, "side", a.side(), b.side());
            field(fields, "entry time", time(a.entryTime()), time(b.entryTime()));
            field(fields, "entry price", a.entryPrice(), b.entryPrice());
            field(fields, "quantity", a.quantity(), b.quantity());
            field(fields, "exit time", time(a.exitTime()), time(b.exitTime()));
            field(fields, "exit price", a.exitPrice(), b.exitPrice());
            field(fields, "exit reason", a.exitReason(), b.exitReason());
            if (!fields.isEmpty()) {
                out.add("trade " + (i + 1) + ": " + String.join("; ", fields));
            }
        }
        return out;
    }

    private static void field(List<String> out, String name, Object live, Object backtest) {
        if (!Objects.equals(live, backtest)) {
            out.add(name + " live " + live + ", backtest " + backtest);
        }
    }

    private static String time(Instant at) {
        return at == null ? "-" : LocalTime.ofInstant(at, TradingClock.EXCHANGE_ZONE).toString();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** Both tables keep four decimals; the same scale makes equal prices equal records. */
    private static BigDecimal price(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.UNNECESSARY);
    }
}
