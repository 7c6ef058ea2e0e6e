package com.catalyst.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code cycle_reports} and {@code performance_daily}, and the reporting bundle's reads of the trades
 * it reports on ({@code positions}, with {@code fills}, {@code orders} and {@code trading_cycles} for the day's figures),
 * which it never writes. The reporting routes call it as the bean {@code reportRepository}.
 * <p>
 * A day is the session day: a cycle belongs to the day its id names ({@code YYYYMMDD-NNN}), and a period's trades are
 * those closed between its first and last day in New York time.
 */
@Repository("reportRepository")
public class ReportRepository {

    static final String DAY_FIGURES = "select count(*) filter (where p.cycle_id like :day) as trades_opened,"
            + " count(*) filter (where p.status = 'closed' and p.cycle_id like :day) as trades_closed,"
            + " count(*) filter (where p.status = 'closed' and p.realized_pnl > 0 and p.cycle_id like :day) as wins,"
            + " count(*) filter (where p.status = 'closed' and p.realized_pnl <= 0 and p.cycle_id like :day) as losses,"
            + " coalesce(sum(p.realized_pnl) filter (where p.status = 'closed' and p.cycle_id like :day), 0) as realized_pnl,"
            + " coalesce(sum(p.unrealized_pnl) filter (where p.status = 'open'), 0) as unrealized_pnl,"
            + " coalesce(sum(p.quantity * p.entry_price) filter (where p.status = 'open'), 0) as gross_exposure,"
            + " count(*) filter (where p.status = 'open') as open_positions,"
            + " (select coalesce(sum(f.commission), 0) from fills f join orders o using (order_id) where o.cycle_id like :day) as commissions,"
            + " (select count(*) from trading_cycles c where c.cycle_id like :day) as cycles"
            + " from positions p";
    static final String UPSERT_CYCLE_REPORT = "insert into cycle_reports (cycle_id, status, orders_placed, open_positions, realized_pnl,"
            + " unrealized_pnl, report) values (:cycle_id, :status, :orders_placed, :open_positions, :realized_pnl, :unrealized_pnl,"
            + " cast(:report as jsonb))"
            + " on conflict (cycle_id) do update set status = excluded.status, orders_placed = excluded.orders_placed,"
            + " open_positions = excluded.open_positions, realized_pnl = excluded.realized_pnl, unrealized_pnl = excluded.unrealized_pnl,"
            + " report = excluded.report";
    static final String UPSERT_DAY = "insert into performance_daily (date, cycles, trades_opened, trades_closed, wins, losses, realized_pnl,"
            + " unrealized_pnl, commissions, gross_exposure, last_cycle_id, updated_at)"
            + " values (:date, :cycles, :trades_opened, :trades_closed, :wins, :losses, :realized_pnl, :unrealized_pnl, :commissions,"
            + " :gross_exposure, :cycle_id, now())"
            + " on conflict (date) do update set cycles = excluded.cycles, trades_opened = excluded.trades_opened,"
            + " trades_closed = excluded.trades_closed, wins = excluded.wins, losses = excluded.losses, realized_pnl = excluded.realized_pnl,"
            + " unrealized_pnl = excluded.unrealized_pnl, commissions = excluded.commissions, gross_exposure = excluded.gross_exposure,"
            + " last_cycle_id = excluded.last_cycle_id, updated_at = now()";
    static final String DAYS = "select date, cycles, trades_opened, trades_closed, wins, losses, realized_pnl, unrealized_pnl, commissions,"
            + " gross_exposure, last_cycle_id, updated_at from performance_daily order by date desc limit :limit";
    private static final String CLOSED = "select p.position_id, s.symbol, coalesce(p.pattern_type, 'none') as pattern_type, p.side,"
            + " p.quantity, p.entry_price, p.exit_price, coalesce(p.realized_pnl, 0) as realized_pnl, p.opened_at, p.closed_at, p.close_reason"
            + " from positions p join securities s using (security_id) where p.status = 'closed'";
    private static final String OPEN = "select s.symbol, coalesce(p.pattern_type, 'none') as pattern_type, p.quantity, p.entry_price,"
            + " p.unrealized_pnl from positions p join securities s using (security_id) where p.status <> 'closed'";
    static final String CLOSED_OF_CYCLE = CLOSED + " and p.cycle_id = :cycle_id order by p.closed_at, p.position_id";
    static final String OPEN_OF_CYCLE = OPEN + " and p.cycle_id = :cycle_id order by s.symbol";
    static final String CLOSED_BETWEEN = CLOSED + " and p.closed_at >= (cast(:from_day as timestamp) at time zone 'America/New_York')"
            + " and p.closed_at < (cast(:until_day as timestamp) at time zone 'America/New_York') order by p.closed_at, p.position_id";
    static final String OPEN_AT = OPEN + " and p.opened_at < (cast(:until_day as timestamp) at time zone 'America/New_York') order by s.symbol";

    private final JdbcClient jdbc;

    public ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The session day's figures as they stand: the trades of its cycles, every open position, its commissions and cycles. */
    public DayFigures dayFigures(LocalDate session) {
        return jdbc.sql(DAY_FIGURES).param("day", session.format(DateTimeFormatter.BASIC_ISO_DATE) + "-%").query(DayFigures.class).single();
    }

    /** Records a cycle's report, or replaces the one recorded for the cycle before. */
    public void recordCycleReport(CycleReport report) {
        DayFigures day = report.day();
        jdbc.sql(UPSERT_CYCLE_REPORT)
                .param("cycle_id", report.cycleId())
                .param("status", report.status())
                .param("orders_placed", report.ordersPlaced())
                .param("open_positions", day.openPositions())
                .param("realized_pnl", day.realizedPnl())
                .param("unrealized_pnl", day.unrealizedPnl())
                .param("report", report.json())
                .update();
    }

    /** Records the report's day figures as its session day's {@code performance_daily} row, the cycle as its last. */
    public void recordDay(CycleReport report) {
        DayFigures day = report.day();
        jdbc.sql(UPSERT_DAY)
                .param("date", java.sql.Date.valueOf(report.date()))
                .param("cycles", day.cycles())
                .param("trades_opened", day.tradesOpened())
                .param("trades_closed", day.tradesClosed())
                .param("wins", day.wins())
                .param("losses", day.losses())
                .param("realized_pnl", day.realizedPnl())
                .param("unrealized_pnl", day.unrealizedPnl())
                .param("commissions", day.commissions())
                .param("gross_exposure", day.grossExposure())
                .param("cycle_id", report.cycleId())
                .update();
    }

    /**
     * The last {@code limit} days' {@code performance_daily} rows, newest first, as rows named as the columns: the daily
     * API writes them as they are.
     */
    public List<Map<String, Object>> days(int limit) {
        return jdbc.sql(DAYS).param("limit", limit).query().listOfRows();
    }

    /** The trades a cycle opened that are closed, in the order they closed. */
    public List<ClosedTrade> closedTradesOf(String cycleId) {
        return TradeRows.closedTrades(jdbc.sql(CLOSED_OF_CYCLE).param("cycle_id", cycleId).query().listOfRows());
    }

    /** The positions a cycle opened that are not closed, by symbol. */
    public List<OpenPosition> openPositionsOf(String cycleId) {
        return TradeRows.openPositions(jdbc.sql(OPEN_OF_CYCLE).param("cycle_id", cycleId).query().listOfRows());
    }

    /** The trades closed from the start of {@code from} to the end of {@code to}, New York days, in the order they closed. */
    public List<ClosedTrade> closedTradesBetween(LocalDate from, LocalDate to) {
        return TradeRows.closedTrades(jdbc.sql(CLOSED_BETWEEN).param("from_day", java.sql.Date.valueOf(from))
                .param("until_day", java.sql.Date.valueOf(to.plusDays(1))).query().listOfRows());
    }

    /** The positions not closed that were opened before the end of {@code to} (New York), by symbol. */
    public List<OpenPosition> openPositionsAt(LocalDate to) {
        return TradeRows.openPositions(jdbc.sql(OPEN_AT).param("until_day", java.sql.Date.valueOf(to.plusDays(1))).query().listOfRows());
    }

    // ---- the P&L gauges' read

    static final String PNL_SNAPSHOT = "select (select coalesce((select realized_pnl from performance_daily order by date desc limit 1), 0))"
            + ", (select coalesce((select unrealized_pnl from performance_daily order by date desc limit 1), 0))"
            + ", (select count(*) from positions where status = 'open')";

    /** The latest day's realized and unrealized P&L and the open positions, in one statement, for the P&L gauges. */
    public java.util.Optional<PnlSnapshot> pnlSnapshot() {
        return jdbc.sql(PNL_SNAPSHOT).query((rs, i) -> new PnlSnapshot(rs.getDouble(1), rs.getDouble(2), rs.getLong(3))).optional();
    }
}
