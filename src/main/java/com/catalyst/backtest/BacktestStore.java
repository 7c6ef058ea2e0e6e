package com.catalyst.backtest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The backtest tables (V6): a run's row, its trades and equity samples written in batches, and reading them back. */
@Repository
public class BacktestStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public BacktestStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long create(String strategy, Map<String, Object> parameters, String source, List<String> symbols, LocalDate from, LocalDate to) {
        return jdbc.queryForObject("insert into backtest_runs (strategy, parameters, source, symbols, range_from, range_to) values "
                        + "(?, cast(? as jsonb), ?, string_to_array(?, ','), ?, ?) returning run_id", Long.class,
                strategy, write(parameters), source, symbols == null || symbols.isEmpty() ? null : String.join(",", symbols),
                date(from), date(to));
    }

    public void running(long id) {
        jdbc.update("update backtest_runs set status = 'running', started_at = now() where run_id = ?", id);
    }

    public void loaded(long id, String source, List<String> symbols, LocalDate from, LocalDate to, long barsTotal, long loadMillis) {
        jdbc.update("update backtest_runs set source = ?, symbols = string_to_array(?, ','), range_from = ?, range_to = ?, bars_total = ?, "
                + "load_millis = ? where run_id = ?", source, String.join(",", symbols), date(from), date(to), barsTotal, loadMillis, id);
    }

    public void progress(long id, long barsDone) {
        jdbc.update("update backtest_runs set bars_done = ? where run_id = ?", barsDone, id);
    }

    public void trades(long id, List<BacktestTrade> trades) {
        jdbc.batchUpdate("insert into backtest_trades (run_id, trade_no, symbol, pattern_type, quantity, entry_time, entry_bar, entry_price, "
                        + "exit_time, exit_bar, exit_price, exit_reason, stop_price, target_price, commission, realized_pnl, side) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", trades, 1000,
                (ps, t) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, t.tradeNo());
                    ps.setString(3, t.symbol());
                    ps.setString(4, t.pattern());
                    ps.setInt(5, t.quantity());
                    ps.setTimestamp(6, Timestamp.from(t.entryTime()));
                    ps.setLong(7, t.entryBar());
                    ps.setBigDecimal(8, t.entryPrice());
                    ps.setTimestamp(9, Timestamp.from(t.exitTime()));
                    ps.setLong(10, t.exitBar());
                    ps.setBigDecimal(11, t.exitPrice());
                    ps.setString(12, t.exitReason());
                    ps.setBigDecimal(13, t.stopPrice());
                    ps.setBigDecimal(14, t.targetPrice());
                    ps.setBigDecimal(15, t.commission());
                    ps.setBigDecimal(16, t.realizedPnl());
                    ps.setString(17, t.side());
                });
    }

    public void equity(long id, List<EquitySample> samples) {
        jdbc.batchUpdate("insert into backtest_equity (run_id, point_no, at, equity, cash, drawdown) values (?, ?, ?, ?, ?, ?)", samples, 1000,
                (ps, e) -> {
                    ps.setLong(1, id);
                    ps.setInt(2, e.pointNo());
                    ps.setTimestamp(3, Timestamp.from(e.at()));
                    ps.setBigDecimal(4, e.equity());
                    ps.setBigDecimal(5, e.cash());
                    ps.setBigDecimal(6, e.drawdown());
                });
    }

    public void completed(long id, long barsDone, Map<String, Object> result, long runMillis) {
        jdbc.update("update backtest_runs set status = 'completed', bars_done = ?, result = cast(? as jsonb), run_millis = ?, finished_at = now() "
                + "where run_id = ?", barsDone, write(result), runMillis, id);
    }

    public void failed(long id, long barsDone, String error, Long runMillis) {
        jdbc.update("update backtest_runs set status = 'failed', bars_done = ?, error = ?, run_millis = ?, finished_at = now(), "
                + "started_at = coalesce(started_at, now()) where run_id = ?", barsDone, error, runMillis, id);
    }

    /** Runs a restart interrupted: failed, with what they had written kept. */
    public int failInterrupted() {
        return jdbc.update("update backtest_runs set status = 'failed', error = 'interrupted: Catalyst stopped while the run was queued "
                + "or running; start it again', finished_at = now() where status in ('queued', 'running')");
    }

    public Map<String, Object> run(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select run_id, status, strategy, parameters::text as parameters, source, "
                + "array_to_string(symbols, ',') as symbols, range_from, range_to, bars_total, bars_done, error, result::text as result, "
                + "created_at, started_at, finished_at, load_millis, run_millis, "
                + "(select count(*) from backtest_trades t where t.run_id = r.run_id) as trades_total from backtest_runs r where run_id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public List<Map<String, Object>> tradeRows(long id, int limit) {
        return jdbc.queryForList("select trade_no, symbol, pattern_type, side, quantity, entry_time, entry_bar, entry_price, exit_time, exit_bar, "
                + "exit_price, exit_reason, stop_price, target_price, commission, realized_pnl from backtest_trades where run_id = ? "
                + "order by trade_no limit ?", id, limit);
    }

    public List<Map<String, Object>> equityRows(long id) {
        return jdbc.queryForList("select point_no, at, equity, cash, drawdown from backtest_equity where run_id = ? order by point_no", id);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("backtest row not writable as JSON", e);
        }
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
