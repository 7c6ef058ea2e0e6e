package com.catalyst.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.catalyst.testsupport.TestDatabases;
import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ReportRepository on the real PostgreSQL, the schema migrated as the application migrates it, over a small record of
 * two sessions: the day's figures (its cycles' trades, every open position, its commissions and cycles), the cycle report
 * and the day's row written and replaced, the daily list, and the trades of a cycle or a period by New York days. No
 * Spring context.
 */
class ReportRepositoryIT {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);

    private JdbcClient jdbc;
    private ReportRepository reports;
    /** As Spring's mapper names fields (spring.jackson.property-naming-strategy). */
    private final ReportDesk desk = new ReportDesk(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule()));

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_report_repository");
        jdbc = JdbcClient.create(source);
        reports = new ReportRepository(jdbc);
        for (String cycle : List.of("20260105-001", "20260106-001", "20260106-002")) {
            jdbc.sql("insert into trading_cycles (cycle_id, mode, status) values (:id, 'normal', 'completed')").param("id", cycle).update();
        }
    }

    private void closed(String cycle, String symbol, String pattern, int quantity, String entry, String exit, String pnl, String openedAt,
                        String closedAt) {
        jdbc.sql("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at,"
                        + " realized_pnl, close_reason, pattern_type) values (:cycle, get_or_create_security(:symbol), 'long', :quantity,"
                        + " :entry, :exit, 'closed', :opened, :closed, :pnl, 'target', :pattern)")
                .param("cycle", cycle).param("symbol", symbol).param("quantity", quantity).param("entry", new BigDecimal(entry))
                .param("exit", new BigDecimal(exit)).param("pnl", new BigDecimal(pnl)).param("pattern", pattern)
                .param("opened", Timestamp.from(Instant.parse(openedAt))).param("closed", Timestamp.from(Instant.parse(closedAt))).update();
    }

    private void open(String cycle, String symbol, int quantity, String entry, String unrealized, String openedAt) {
        jdbc.sql("insert into positions (cycle_id, security_id, side, quantity, entry_price, status, opened_at, unrealized_pnl, pattern_type)"
                        + " values (:cycle, get_or_create_security(:symbol), 'long', :quantity, :entry, 'open', :opened, :unrealized, 'bull_flag')")
                .param("cycle", cycle).param("symbol", symbol).param("quantity", quantity).param("entry", new BigDecimal(entry))
                .param("unrealized", new BigDecimal(unrealized)).param("opened", Timestamp.from(Instant.parse(openedAt))).update();
    }

    private void fill(String cycle, String symbol, String commission) {
        UUID order = UUID.randomUUID();
        jdbc.sql("insert into orders (order_id, client_order_id, cycle_id, security_id, side, order_type, quantity, status)"
                        + " values (:id, :client, :cycle, get_or_create_security(:symbol), 'buy', 'market', 10, 'filled')")
                .param("id", order).param("client", cycle + "-" + symbol + "-buy").param("cycle", cycle).param("symbol", symbol).update();
        jdbc.sql("insert into fills (order_id, broker_fill_id, quantity, price, commission, filled_at) values (:id, :fill, 10, 20, :commission, now())")
                .param("id", order).param("fill", "f-" + order).param("commission", new BigDecimal(commission)).update();
    }

    /** Two sessions: yesterday's closed trade and a position still open from it, today's two closed trades and one open. */
    private void twoSessions() {
        closed("20260105-001", "DART", "double_bottom", 5, "40", "60", "100", "2026-01-05T15:00:00Z", "2026-01-05T20:00:00Z");
        open("20260105-001", "EAST", 10, "40", "-3", "2026-01-05T15:10:00Z");
        closed("20260106-001", "ACME", "bull_flag", 100, "20", "20.5", "50", "2026-01-06T14:35:00Z", "2026-01-06T15:30:00Z");
        // closed at 22:00 in New York, after midnight UTC: still the 6th
        closed("20260106-001", "BOLT", null, 10, "30", "28", "-20", "2026-01-06T14:40:00Z", "2026-01-07T03:00:00Z");
        open("20260106-002", "CLIP", 50, "10", "5", "2026-01-06T15:05:00Z");
        fill("20260106-001", "ACME", "1.25");
        fill("20260105-001", "DART", "9");
    }

    private static CycleSummary summary(String cycleId, long placed) {
        return new CycleSummary(cycleId, "normal", "completed", DAY, Instant.parse("2026-01-06T15:05:00Z"), Instant.now(), 240, 500, 100, 35,
                20, 10, 3, 2, placed, "ok", List.of("ACME"), List.of(), Map.of("scan", 56L), null);
    }

    @Test
    void theDaysFiguresCountItsCyclesTradesAndEveryOpenPosition() {
        twoSessions();

        DayFigures day = reports.dayFigures(DAY);

        assertThat(day.tradesOpened()).isEqualTo(3);
        assertThat(day.tradesClosed()).isEqualTo(2);
        assertThat(day.wins()).isEqualTo(1);
        assertThat(day.losses()).isEqualTo(1);
        assertThat(day.realizedPnl()).isEqualByComparingTo("30");
        assertThat(day.unrealizedPnl()).as("every open position, yesterday's too").isEqualByComparingTo("2");
        assertThat(day.grossExposure()).isEqualByComparingTo("900");
        assertThat(day.openPositions()).isEqualTo(2);
        assertThat(day.commissions()).as("the day's orders only").isEqualByComparingTo("1.25");
        assertThat(day.cycles()).isEqualTo(2);
        DayFigures none = reports.dayFigures(DAY.plusDays(1));
        assertThat(none.tradesOpened()).isZero();
        assertThat(none.realizedPnl()).isEqualByComparingTo("0");
        assertThat(none.commissions()).isEqualByComparingTo("0");
    }

    @Test
    void aCycleReportAndItsDayAreRecordedAndReplacedByTheNext() throws Exception {
        twoSessions();
        CycleReport first = desk.report(summary("20260106-001", 2), reports.dayFigures(DAY));
        reports.recordCycleReport(first);
        reports.recordDay(first);

        Map<String, Object> report = jdbc.sql("select status, orders_placed, open_positions, realized_pnl, unrealized_pnl,"
                + " report->'day'->>'wins' wins, report->'day'->>'trades_opened' opened, report->'cycle'->>'cycle_id' cycle"
                + " from cycle_reports where cycle_id = '20260106-001'").query().singleRow();
        assertThat(report).containsEntry("status", "completed").containsEntry("orders_placed", 2).containsEntry("open_positions", 2)
                .containsEntry("wins", "1").containsEntry("opened", "3").containsEntry("cycle", "20260106-001");
        assertThat((BigDecimal) report.get("realized_pnl")).isEqualByComparingTo("30");
        assertThat((BigDecimal) report.get("unrealized_pnl")).isEqualByComparingTo("2");

        // the next cycle closes CLIP at a loss: its report is a second row, the day's row is replaced
        jdbc.sql("update positions set status = 'closed', exit_price = 9, realized_pnl = -50, closed_at = '2026-01-06T16:00:00Z'"
                + " where cycle_id = '20260106-002'").update();
        CycleReport second = desk.report(summary("20260106-002", 0), reports.dayFigures(DAY));
        reports.recordCycleReport(second);
        reports.recordDay(second);

        assertThat(jdbc.sql("select count(*) from cycle_reports").query(Integer.class).single()).isEqualTo(2);
        List<Map<String, Object>> days = reports.days(30);
        assertThat(days).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("date", java.sql.Date.valueOf(DAY)).containsEntry("last_cycle_id", "20260106-002")
                    .containsEntry("trades_closed", 3).containsEntry("losses", 2).containsEntry("cycles", 2);
            assertThat((BigDecimal) row.get("realized_pnl")).isEqualByComparingTo("-20");
            assertThat((BigDecimal) row.get("commissions")).isEqualByComparingTo("1.25");
            assertThat((BigDecimal) row.get("gross_exposure")).isEqualByComparingTo("400");
        });

        // a report sent again (a replayed dead letter) replaces its row rather than adding one
        reports.recordCycleReport(new CycleReport("20260106-001", "failed", 2, DAY, first.day(), first.json()));
        assertThat(jdbc.sql("select status from cycle_reports where cycle_id = '20260106-001'").query(String.class).single()).isEqualTo("failed");
        assertThat(jdbc.sql("select count(*) from cycle_reports").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theDailyListIsNewestFirstWithEveryColumn() throws Exception {
        twoSessions();
        for (LocalDate day : List.of(DAY.minusDays(1), DAY)) {
            String cycle = day.equals(DAY) ? "20260106-001" : "20260105-001";
            CycleReport report = new CycleReport(cycle, "completed", 1, day, reports.dayFigures(day), "{}");
            reports.recordDay(report);
        }

        List<Map<String, Object>> days = reports.days(1);

        assertThat(days).singleElement().satisfies(row -> assertThat(row).containsEntry("date", java.sql.Date.valueOf(DAY)));
        assertThat(days.get(0).keySet()).containsExactly("date", "cycles", "trades_opened", "trades_closed", "wins", "losses", "realized_pnl",
                "unrealized_pnl", "commissions", "gross_exposure", "last_cycle_id", "updated_at");
        assertThat(reports.days(30)).extracting(r -> r.get("last_cycle_id")).containsExactly("20260106-001", "20260105-001");
    }

    @Test
    void aCyclesTradesAreItsClosedOnesInTheOrderTheyClosedAndItsOpenOnes() {
        twoSessions();

        List<ClosedTrade> closed = reports.closedTradesOf("20260106-001");
        assertThat(closed).extracting(ClosedTrade::symbol).containsExactly("ACME", "BOLT");
        ClosedTrade bolt = closed.get(1);
        assertThat(bolt.pattern()).as("no pattern recorded").isEqualTo("none");
        assertThat(bolt.side()).isEqualTo("long");
        assertThat(bolt.quantity()).isEqualTo(10);
        assertThat(bolt.entryPrice()).isEqualByComparingTo("30");
        assertThat(bolt.exitPrice()).isEqualByComparingTo("28");
        assertThat(bolt.realizedPnl()).isEqualByComparingTo("-20");
        assertThat(bolt.closedAt()).isEqualTo(Instant.parse("2026-01-07T03:00:00Z"));
        assertThat(reports.openPositionsOf("20260106-001")).isEmpty();
        assertThat(reports.openPositionsOf("20260106-002")).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("CLIP");
            assertThat(p.exposure()).isEqualByComparingTo("500");
            assertThat(p.unrealizedPnl()).isEqualByComparingTo("5");
        });
    }

    @Test
    void aPeriodsTradesAreThoseClosedOnItsNewYorkDays() {
        twoSessions();

        assertThat(reports.closedTradesBetween(DAY, DAY)).extracting(ClosedTrade::symbol).containsExactly("ACME", "BOLT");
        assertThat(reports.closedTradesBetween(DAY.minusDays(1), DAY.minusDays(1))).extracting(ClosedTrade::symbol).containsExactly("DART");
        assertThat(reports.closedTradesBetween(DAY.minusDays(1), DAY)).extracting(ClosedTrade::symbol).containsExactly("DART", "ACME", "BOLT");
        assertThat(reports.closedTradesBetween(DAY.plusDays(1), DAY.plusDays(1))).isEmpty();
        // open at the end of a day: opened before it ended
        assertThat(reports.openPositionsAt(DAY.minusDays(1))).extracting(OpenPosition::symbol).containsExactly("EAST");
        assertThat(reports.openPositionsAt(DAY)).extracting(OpenPosition::symbol).containsExactly("CLIP", "EAST");
    }

    @Test
    void theGaugesReadTheLatestDaysPnlAndTheOpenPositions() {
        assertThat(reports.pnlSnapshot()).hasValue(new PnlSnapshot(0, 0, 0));
        twoSessions();
        // no day reported yet: the P&L is 0, the open positions are counted all the same
        assertThat(reports.pnlSnapshot()).hasValue(new PnlSnapshot(0, 0, 2));

        // the latest day by date, whatever order the rows were written in
        jdbc.sql("insert into performance_daily (date, realized_pnl, unrealized_pnl) values ('2026-01-06', 30.50, 2.25),"
                + " ('2026-01-05', 100, -3)").update();
        assertThat(reports.pnlSnapshot()).hasValue(new PnlSnapshot(30.5, 2.25, 2));

        jdbc.sql("update positions set status = 'closed', exit_price = 9, realized_pnl = -50, closed_at = '2026-01-06T16:00:00Z'"
                + " where cycle_id = '20260106-002'").update();
        assertThat(reports.pnlSnapshot()).hasValue(new PnlSnapshot(30.5, 2.25, 1));
    }
}
