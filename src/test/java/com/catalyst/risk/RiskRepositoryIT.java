package com.catalyst.risk;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.catalyst.testsupport.TestDatabases;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.PositionSide;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RiskRepository on the real PostgreSQL, the schema migrated as the application migrates it: today's realized P&L by
 * the session day (its cycles' trades and whatever closed on the day in New York), the working orders that are no leg,
 * the portfolio's figures long and short, each decision recorded once a cycle, symbol and side, and the kill switch once
 * a session day. No Spring context.
 */
class RiskRepositoryIT {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);

    private JdbcClient jdbc;
    private RiskRepository risk;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_risk_repository");
        jdbc = JdbcClient.create(source);
        risk = new RiskRepository(new NamedParameterJdbcTemplate(source), new ObjectMapper());
        for (String cycle : List.of("20260105-001", "20260106-001")) {
            jdbc.sql("insert into trading_cycles (cycle_id, mode, status) values (:id, 'normal', 'completed')").param("id", cycle).update();
        }
    }

    private void position(String cycle, String symbol, String side, String status, int quantity, String entry, String realized,
                          String unrealized, String closedAt) {
        jdbc.sql("insert into positions (cycle_id, security_id, side, quantity, entry_price, status, opened_at, closed_at, realized_pnl,"
                        + " unrealized_pnl) values (:cycle, get_or_create_security(:symbol), :side, :quantity, :entry, :status,"
                        + " '2026-01-05T15:00:00Z', :closed, :realized, :unrealized)")
                .param("cycle", cycle).param("symbol", symbol).param("side", side).param("quantity", quantity)
                .param("entry", new BigDecimal(entry)).param("status", status)
                .param("closed", closedAt == null ? null : Timestamp.from(Instant.parse(closedAt)))
                .param("realized", realized == null ? null : new BigDecimal(realized)).param("unrealized", new BigDecimal(unrealized)).update();
    }

    private void order(String clientOrderId, String symbol, String side, String type, int quantity, int filled, String status, String leg,
                       String limit, String stop, String createdAt) {
        jdbc.sql("insert into orders (order_id, client_order_id, security_id, side, order_type, quantity, filled_qty, status, leg,"
                        + " limit_price, stop_price, created_at) values (:id, :client, get_or_create_security(:symbol), :side, :type, :quantity,"
                        + " :filled, :status, :leg, :limit, :stop, :created)")
                .param("id", UUID.randomUUID()).param("client", clientOrderId).param("symbol", symbol).param("side", side).param("type", type)
                .param("quantity", quantity).param("filled", filled).param("status", status).param("leg", leg)
                .param("limit", limit == null ? null : new BigDecimal(limit)).param("stop", stop == null ? null : new BigDecimal(stop))
                .param("created", Timestamp.from(Instant.parse(createdAt))).update();
    }

    private static RiskDecision decision(String symbol, Verdict verdict, int approved) {
        return new RiskDecision(symbol, PositionSide.LONG, verdict, 100, approved, new BigDecimal("20.00"), new BigDecimal("19.20"),
                new BigDecimal("21.60"), new BigDecimal("80.00"), "bull_flag", "within limits", Map.of("atr", 0.4, "max_risk", 80));
    }

    @Test
    void todaysRealizedPnlIsTheSessionDaysTradesAndWhatClosedOnItInNewYork() {
        assertThat(risk.realizedToday(DAY)).isEqualByComparingTo("0");
        position("20260106-001", "AAA", "long", "closed", 10, "20", "50", "0", "2026-01-06T16:00:00Z");
        // no cycle (a manual close), closed at 15:30 in New York
        position(null, "BBB", "long", "closed", 10, "20", "-30", "0", "2026-01-06T20:30:00Z");
        // yesterday's cycle, closed today
        position("20260105-001", "CCC", "long", "closed", 10, "20", "10", "0", "2026-01-06T15:00:00Z");
        // closed at 22:00 on the 5th in New York, though the 6th in UTC
        position(null, "DDD", "long", "closed", 10, "20", "999", "0", "2026-01-06T03:00:00Z");
        // yesterday's trade
        position("20260105-001", "EEE", "long", "closed", 10, "20", "100", "0", "2026-01-05T18:00:00Z");
        // an open position whose partial exit realized 7
        position("20260105-001", "FFF", "long", "open", 5, "20", "7", "1", null);

        assertThat(risk.realizedToday(DAY)).isEqualByComparingTo("37");
        // the 5th: its cycles' trades (CCC although it closed on the 6th), what closed on it in New York, the open partial
        assertThat(risk.realizedToday(DAY.minusDays(1))).isEqualByComparingTo("1116");
    }

    @Test
    void theWorkingOrdersAreThoseNoLegWithSharesStillToFillOldestFirst() {
        order("CAT-20260106-001-AAA-buy", "AAA", "buy", "limit", 100, 40, "partially_filled", null, "19.80", "19.00", "2026-01-06T15:01:00Z");
        order("CAT-MAN-0123456789abcdef0123456789abcdef", "BBB", "sell", "market", 30, 0, "accepted", null, null, "41.00", "2026-01-06T15:00:00Z");
        order("CAT-EXIT-7", "CCC", "sell", "market", 20, 0, "unknown", null, null, null, "2026-01-06T15:02:00Z");
        // not working: a leg, a filled order, a cancelled one, one whose shares are all filled
        order("CAT-20260106-001-DDD-buy-SL", "DDD", "sell", "stop", 10, 0, "new", "stop_loss", null, "9.00", "2026-01-06T15:03:00Z");
        order("CAT-20260106-001-EEE-buy", "EEE", "buy", "market", 10, 10, "filled", null, null, null, "2026-01-06T15:04:00Z");
        order("CAT-20260106-001-FFF-buy", "FFF", "buy", "limit", 10, 0, "canceled", null, "5.00", null, "2026-01-06T15:05:00Z");
        order("CAT-20260106-001-GGG-buy", "GGG", "buy", "limit", 10, 10, "new", null, "5.00", null, "2026-01-06T15:06:00Z");

        List<RecordedOrder> working = risk.workingOrders();

        assertThat(working).containsExactly(
                new RecordedOrder("CAT-MAN-0123456789abcdef0123456789abcdef", "BBB", OrderSide.SELL, OrderType.MARKET, 30, null, new BigDecimal("41.0000")),
                new RecordedOrder("CAT-20260106-001-AAA-buy", "AAA", OrderSide.BUY, OrderType.LIMIT, 60, new BigDecimal("19.8000"), new BigDecimal("19.0000")),
                new RecordedOrder("CAT-EXIT-7", "CCC", OrderSide.SELL, OrderType.MARKET, 20, null, null));
    }

    @Test
    void thePortfolioSumsTheOpenPositionsLongAndShortAndEveryRealizedPnl() {
        RecordedPortfolio empty = risk.portfolio();
        assertThat(empty.openCount()).isZero();
        assertThat(empty.openSymbols()).isEmpty();
        assertThat(empty.exposure()).isEqualByComparingTo("0");

        position("20260106-001", "AAA", "long", "open", 100, "20", null, "15", null);
        position("20260106-001", "BBB", "short", "open", 10, "50", null, "-4", null);
        position("20260105-001", "CCC", "long", "closed", 10, "20", "-25", "0", "2026-01-05T18:00:00Z");
        position("20260105-001", "DDD", "long", "closed", 10, "20", "40", "0", "2026-01-05T19:00:00Z");

        RecordedPortfolio p = risk.portfolio();

        assertThat(p.realizedTotal()).isEqualByComparingTo("15");
        assertThat(p.unrealizedTotal()).isEqualByComparingTo("11");
        assertThat(p.exposure()).as("cost of the open, long and short").isEqualByComparingTo("2500");
        assertThat(p.shortExposure()).as("the short's cost less its unrealized P&L").isEqualByComparingTo("504");
        assertThat(p.shortUnrealized()).isEqualByComparingTo("-4");
        assertThat(p.openCount()).isEqualTo(2);
        assertThat(p.openSymbols().split(",")).containsExactlyInAnyOrder("AAA", "BBB");
    }

    @Test
    void eachDecisionIsRecordedOnceACycleSymbolAndSide() {
        risk.recordDecisions(new RiskResponse("20260106-001", null, List.of(decision("AAA", Verdict.APPROVED, 100), decision("BBB", Verdict.REJECTED, 0))));
        // the cycle's risk call retried, with another verdict for AAA: the first stands
        risk.recordDecisions(new RiskResponse("20260106-001", null, List.of(decision("AAA", Verdict.RESIZED, 50))));
        // two checks of a trader's, no cycle: both recorded
        risk.recordDecisions(new RiskResponse(null, null, List.of(decision("AAA", Verdict.APPROVED, 100))));
        risk.recordDecisions(new RiskResponse(null, null, List.of(decision("AAA", Verdict.APPROVED, 100))));

        Map<String, Object> aaa = jdbc.sql("select d.*, d.numbers->>'max_risk' max_risk from risk_decisions d join securities s"
                + " using (security_id) where s.symbol = 'AAA' and d.cycle_id = '20260106-001'").query().singleRow();
        assertThat(aaa).containsEntry("side", "long").containsEntry("verdict", "approved").containsEntry("requested_quantity", 100)
                .containsEntry("approved_quantity", 100).containsEntry("reason", "within limits").containsEntry("max_risk", "80");
        Map<String, String> prices = Map.of("entry_price", "20", "stop_price", "19.2", "target_price", "21.6", "risk_amount", "80");
        prices.forEach((column, value) -> assertThat((BigDecimal) aaa.get(column)).as(column).isEqualByComparingTo(value));
        assertThat(jdbc.sql("select verdict from risk_decisions d join securities s using (security_id) where s.symbol = 'BBB'")
                .query(String.class).single()).isEqualTo("rejected");
        assertThat(jdbc.sql("select count(*) from risk_decisions where cycle_id is null").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRecordedDecisionIsReadBackByCycleSymbolAndSide() {
        RiskDecision bare = new RiskDecision("BBB", PositionSide.LONG, Verdict.REJECTED, 100, 0, new BigDecimal("20.00"), null, null, null, "bull_flag",
                "daily loss limit", Map.of());
        risk.recordDecisions(new RiskResponse("20260106-001", null, List.of(decision("AAA", Verdict.RESIZED, 60), bare)));

        RecordedDecision aaa = risk.recordedDecision("20260106-001", "AAA", PositionSide.LONG).orElseThrow();
        assertThat(aaa.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(aaa.approvedQuantity()).isEqualTo(60);
        assertThat(aaa.stopPrice()).isEqualByComparingTo("19.20");
        assertThat(aaa.targetPrice()).isEqualByComparingTo("21.60");
        assertThat(aaa.numbers()).contains("\"max_risk\": 80").contains("\"atr\": 0.4");
        RecordedDecision bbb = risk.recordedDecision("20260106-001", "BBB", PositionSide.LONG).orElseThrow();
        assertThat(bbb.stopPrice()).isNull();
        assertThat(bbb.numbers()).isEqualTo("{}");
        assertThat(risk.recordedDecision("20260106-001", "AAA", PositionSide.SHORT)).as("another side").isEmpty();
        assertThat(risk.recordedDecision("20260105-001", "AAA", PositionSide.LONG)).as("another cycle").isEmpty();
        assertThat(risk.recordedDecision("20260106-001", "CCC", PositionSide.LONG)).as("a symbol risk never saw").isEmpty();
    }

    @Test
    void theKillSwitchIsRecordedOnceASessionDay() {
        KillSwitchEvent trip = new KillSwitchEvent("20260106-001", DAY, "kill switch tripped: realized P&L today -2001 reached the"
                + " maximum daily loss 2000; no new entries until the next session", "{\"max_daily_loss\": 2000}");

        assertThat(risk.recordKillSwitch(trip)).isTrue();
        assertThat(risk.recordKillSwitch(new KillSwitchEvent(null, DAY, "again", "{}"))).as("the day has its row").isFalse();
        assertThat(risk.recordKillSwitch(new KillSwitchEvent(null, DAY.plusDays(1), "the next day", "{}"))).isTrue();

        Map<String, Object> row = jdbc.sql("select cycle_id, event_type, severity, message, details->>'max_daily_loss' max_loss, session_date"
                + " from risk_events where session_date = :day").param("day", java.sql.Date.valueOf(DAY)).query().singleRow();
        assertThat(row).containsEntry("cycle_id", "20260106-001").containsEntry("event_type", "kill_switch")
                .containsEntry("severity", "critical").containsEntry("message", trip.message()).containsEntry("max_loss", "2000");
        assertThat(jdbc.sql("select count(*) from risk_events").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aWarningKeepsItsTypeMessageAndDetailsAsJson() {
        risk.recordWarning("order_rejected", "rule limit_price_band: too far", Map.of("rule", "limit_price_band", "symbol", "AAA",
                "limit_price", new BigDecimal("21.50"), "client_order_id", "CAT-MAN-x"));
        risk.recordWarning("reconciliation_position_closed", "open position in BBB is not held at the broker", Map.of("quantity", 40));

        assertThat(jdbc.sql("select event_type, severity, message, details->>'symbol' symbol, (details->>'limit_price')::numeric limit_price,"
                + " details->>'client_order_id' client from risk_events where event_type = 'order_rejected'").query().singleRow())
                .containsEntry("severity", "warning").containsEntry("message", "rule limit_price_band: too far").containsEntry("symbol", "AAA")
                .containsEntry("client", "CAT-MAN-x").hasEntrySatisfying("limit_price", v -> assertThat((BigDecimal) v).isEqualByComparingTo("21.50"));
        assertThat(jdbc.sql("select (details->>'quantity')::int from risk_events where event_type = 'reconciliation_position_closed'")
                .query(Integer.class).single()).isEqualTo(40);
    }
}
