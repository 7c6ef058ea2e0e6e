package com.catalyst.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.PositionSide;
import com.catalyst.trading.WireId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code risk_decisions} and {@code risk_events}, and the risk bundle's reads of the portfolio it judges
 * ({@code positions} and the working {@code orders}), which it never writes. The risk routes call it as the bean
 * {@code riskRepository}; the order path's check that a decision is on record (RecordedDecisions) reads through it.
 */
@Repository("riskRepository")
public class RiskRepository {

    /**
     * Today's realized P&L: every position closed this session day (a cycle trade of the day, or closed on the day in New
     * York: manual closes, flatten, bracket legs, reconciled exits) and what partial exits realized on positions still open.
     */
    static final String REALIZED_TODAY = "select coalesce(sum(realized_pnl) filter (where status = 'closed' and (cycle_id like :day"
            + " or cast(closed_at at time zone 'America/New_York' as date) = cast(:session_day as date))), 0)"
            + " + coalesce(sum(realized_pnl) filter (where status <> 'closed'), 0) as realized_today from positions";
    static final String WORKING_ORDERS = "select o.client_order_id, s.symbol, o.side, o.order_type, o.quantity - o.filled_qty as remaining,"
            + " o.limit_price, o.stop_price from orders o join securities s using (security_id)"
            + " where o.leg is null and o.quantity > o.filled_qty"
            + " and o.status in ('pending_submit', 'submitted', 'new', 'accepted', 'partially_filled', 'unknown') order by o.created_at";
    static final String PORTFOLIO = "select coalesce(sum(p.realized_pnl) filter (where p.status = 'closed'), 0) as realized_total,"
            + " coalesce(sum(p.unrealized_pnl) filter (where p.status = 'open'), 0) as unrealized_total,"
            + " coalesce(sum(p.quantity * p.entry_price) filter (where p.status = 'open'), 0) as exposure,"
            + " coalesce(sum(p.quantity * p.entry_price - coalesce(p.unrealized_pnl, 0)) filter (where p.status = 'open' and p.side = 'short'), 0)"
            + " as short_exposure,"
            + " coalesce(sum(p.unrealized_pnl) filter (where p.status = 'open' and p.side = 'short'), 0) as short_unrealized,"
            + " count(*) filter (where p.status = 'open') as open_count,"
            + " coalesce(string_agg(s.symbol, ',') filter (where p.status = 'open'), '') as open_symbols"
            + " from positions p join securities s using (security_id)";
    static final String INSERT_DECISION = "insert into risk_decisions (cycle_id, security_id, side, verdict, requested_quantity,"
            + " approved_quantity, entry_price, stop_price, target_price, risk_amount, reason, numbers)"
            + " values (:cycle_id, get_or_create_security(:symbol), :side, :verdict, :requested_quantity, :approved_quantity, :entry_price,"
            + " :stop_price, :target_price, :risk_amount, :reason, cast(:numbers as jsonb))"
            + " on conflict (cycle_id, security_id, side) do nothing";
    static final String RECORDED_DECISION = "select d.verdict, d.approved_quantity, d.stop_price, d.target_price, d.numbers::text as numbers"
            + " from risk_decisions d join securities s using (security_id) where d.cycle_id = :cycle_id and s.symbol = :symbol and d.side = :side";
    static final String INSERT_KILL_SWITCH = "insert into risk_events (cycle_id, event_type, severity, message, details, session_date)"
            + " values (:cycle_id, 'kill_switch', 'critical', :message, cast(:details as jsonb), :session_date)"
            + " on conflict (event_type, session_date) where event_type = 'kill_switch' do nothing";

    /** For the batch: JdbcClient has none, the template's batchUpdate sends every row in one JDBC batch. */
    private final NamedParameterJdbcTemplate batches;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RiskRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.batches = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
        this.json = json;
    }

    /** The realized P&L of the session day {@code session}: what the kill switch and the limit changes read. */
    public BigDecimal realizedToday(LocalDate session) {
        return jdbc.sql(REALIZED_TODAY)
                .param("day", session.format(DateTimeFormatter.BASIC_ISO_DATE) + "-%")
                .param("session_day", java.sql.Date.valueOf(session))
                .query(BigDecimal.class).single();
    }

    /** The orders still working that are no leg, oldest first, entries and exits alike. */
    public List<RecordedOrder> workingOrders() {
        return jdbc.sql(WORKING_ORDERS).query((rs, i) -> new RecordedOrder(rs.getString("client_order_id"), rs.getString("symbol"),
                OrderSide.of(rs.getString("side")), OrderType.of(rs.getString("order_type")), rs.getInt("remaining"),
                rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"))).list();
    }

    /** The portfolio's figures over every position the record holds. */
    public RecordedPortfolio portfolio() {
        return jdbc.sql(PORTFOLIO).query(RecordedPortfolio.class).single();
    }

    /**
     * Records every decision of {@code response} with its reason and numbers, in one batch; a decision the cycle already
     * holds for the symbol and side (a retried risk call) is kept as first recorded.
     */
    public void recordDecisions(RiskResponse response) {
        SqlParameterSource[] rows = response.decisions().stream().map(d -> new MapSqlParameterSource()
                .addValue("cycle_id", response.cycleId())
                .addValue("symbol", d.symbol())
                .addValue("side", WireId.idOf(d.side()))
                .addValue("verdict", d.verdict().id())
                .addValue("requested_quantity", d.requestedQuantity())
                .addValue("approved_quantity", d.approvedQuantity())
                .addValue("entry_price", d.entryPrice())
                .addValue("stop_price", d.stopPrice())
                .addValue("target_price", d.targetPrice())
                .addValue("risk_amount", d.riskAmount())
                .addValue("reason", d.reason())
                .addValue("numbers", numbers(d)))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT_DECISION, rows);
    }

    private String numbers(RiskDecision decision) {
        try {
            return json.writeValueAsString(decision.numbers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk numbers for " + decision.symbol() + " are not serialisable", e);
        }
    }

    /** The decision risk recorded for the cycle's {@code symbol} and {@code side}, if it recorded one. */
    public Optional<RecordedDecision> recordedDecision(String cycleId, String symbol, PositionSide side) {
        return jdbc.sql(RECORDED_DECISION).param("cycle_id", cycleId).param("symbol", symbol).param("side", WireId.idOf(side))
                .query((rs, i) -> new RecordedDecision(Verdict.of(rs.getString("verdict")), rs.getInt("approved_quantity"),
                        rs.getBigDecimal("stop_price"), rs.getBigDecimal("target_price"), rs.getString("numbers"))).optional();
    }

    /** Records the kill switch's trip for its session day; true when this call wrote it, false when the day had it already. */
    public boolean recordKillSwitch(KillSwitchEvent event) {
        return jdbc.sql(INSERT_KILL_SWITCH)
                .param("cycle_id", event.cycleId())
                .param("message", event.message())
                .param("details", event.details())
                .param("session_date", java.sql.Date.valueOf(event.sessionDate()))
                .update() > 0;
    }

    /**
     * A warning in the risk trail ({@code risk_events}, severity warning): a reconciliation repair, an order refused
     * before it reached the broker. {@code details} is written as a JSON document.
     */
    public void recordWarning(String eventType, String message, java.util.Map<String, ?> details) {
        String document;
        try {
            document = json.writeValueAsString(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("risk event details are not serialisable", e);
        }
        jdbc.sql("insert into risk_events (event_type, severity, message, details) values (:type, 'warning', :message, cast(:details as jsonb))")
                .param("type", eventType).param("message", message).param("details", document).update();
    }
}
