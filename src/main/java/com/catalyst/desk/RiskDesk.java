package com.catalyst.desk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.risk.Portfolio;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.RiskResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Feeds the risk manager the portfolio read from the record (positions and their P&L, so risk needs nothing that
 * lives only in the trading process), and turns its decisions into {@code risk_decisions} rows.
 */
@Component("riskDesk")
public class RiskDesk {

    private final RiskLimitsBook limits;
    private final BigDecimal startingCash;
    private final ObjectMapper json;
    private final TradingClock clock;

    public RiskDesk(RiskLimitsBook limits, CatalystProperties props, ObjectMapper json, TradingClock clock) {
        this.limits = limits;
        this.startingCash = props.broker().startingCash();
        this.json = json;
        this.clock = clock;
    }

    public RiskResponse evaluate(RiskRequest request, List<Map<String, Object>> portfolioRows) {
        return limits.manager().evaluate(request, portfolio(portfolioRows.get(0)));
    }

    /**
     * One row from the portfolio query: realized P&L all time and today, open cost and market value, the open symbols.
     * Buying power is the cash left (a cash account: no margin), exposure the open positions' market value.
     */
    Portfolio portfolio(Map<String, Object> row) {
        BigDecimal realized = decimal(row.get("realized_total"));
        BigDecimal unrealized = decimal(row.get("unrealized_total"));
        BigDecimal cost = decimal(row.get("exposure"));
        BigDecimal equity = startingCash.add(realized).add(unrealized);
        BigDecimal cash = startingCash.add(realized).subtract(cost);
        String symbols = (String) row.get("open_symbols");
        Set<String> open = symbols == null || symbols.isBlank() ? Set.of() : Arrays.stream(symbols.split(",")).collect(Collectors.toSet());
        return new Portfolio(equity, cash.max(BigDecimal.ZERO), ((Number) row.get("open_count")).intValue(), open,
                decimal(row.get("realized_today")), cost.add(unrealized));
    }

    /** The kill switch's risk_events row, when it has tripped: one a session day (the insert ignores the rest). */
    public List<Map<String, Object>> killSwitchEvents(RiskResponse response) throws JsonProcessingException {
        Portfolio portfolio = response.portfolio();
        var manager = limits.manager();
        if (!manager.killSwitchTripped(portfolio)) {
            return List.of();
        }
        BigDecimal limit = manager.limits().maxDailyLoss();
        Map<String, Object> row = new HashMap<>();
        row.put("cycle_id", response.cycleId());
        row.put("session_date", java.sql.Date.valueOf(clock.sessionDate()));
        row.put("message", "kill switch tripped: realized P&L today " + portfolio.realizedPnlToday() + " reached the maximum daily loss "
                + limit + "; no new entries until the next session");
        row.put("details", json.writeValueAsString(Map.of("realized_pnl_today", portfolio.realizedPnlToday(), "max_daily_loss", limit,
                "equity", portfolio.equity(), "session_date", clock.sessionDate().toString())));
        return List.of(row);
    }

    public List<Map<String, Object>> decisionRows(RiskResponse response) {
        return response.decisions().stream().map(d -> {
            Map<String, Object> row = new HashMap<>();
            row.put("cycle_id", response.cycleId());
            row.put("symbol", d.symbol());
            row.put("side", d.side());
            row.put("verdict", d.verdict());
            row.put("requested_quantity", d.requestedQuantity());
            row.put("approved_quantity", d.approvedQuantity());
            row.put("entry_price", d.entryPrice());
            row.put("stop_price", d.stopPrice());
            row.put("target_price", d.targetPrice());
            row.put("risk_amount", d.riskAmount());
            row.put("reason", d.reason());
            try {
                row.put("numbers", json.writeValueAsString(d.numbers()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("risk numbers for " + d.symbol() + " are not serialisable", e);
            }
            return row;
        }).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
