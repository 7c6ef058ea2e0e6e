package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the risk manager the portfolio read from the record (positions and their P&L, so risk needs nothing that
 * lives only in the trading process), and turns its decisions into {@code risk_decisions} rows.
 */
@Component("riskDesk")
public class RiskDesk {

    private static final Logger LOG = LoggerFactory.getLogger(RiskDesk.class);

    private final RiskLimitsBook limits;
    private final BigDecimal startingCash;
    private final ObjectMapper json;
    private final TradingClock clock;
    private final MarketDataPort market;

    public RiskDesk(RiskLimitsBook limits, CatalystProperties props, ObjectMapper json, TradingClock clock, MarketDataPort market) {
        this.limits = limits;
        this.market = market;
        this.startingCash = props.broker().startingCash();
        this.json = json;
        this.clock = clock;
    }

    /**
     * Judges {@code request} against the portfolio row, today's realized P&L (every realized loss of the session day,
     * see risk-realized-today) and the entry orders still working, counted as if they fill.
     */
    public RiskResponse evaluate(RiskRequest request, List<Map<String, Object>> portfolioRows, BigDecimal realizedToday,
                                 List<Map<String, Object>> workingRows) {
        Portfolio portfolio = portfolio(portfolioRows.get(0), realizedToday).withWorking(workingOrders(workingRows));
        return limits.manager().evaluate(request, portfolio);
    }

    /**
     * Working entry orders as risk counts them: of the working orders that are no leg, the entries (a buy, or a short's
     * sell to open: OrderIntent.opensPosition; exits are left out), the shares still to fill at the price they would pay
     * at worst, the limit of a limit order, the market's last price for a market order (its stop when the market has none,
     * so it still counts).
     */
    List<WorkingOrder> workingOrders(List<Map<String, Object>> rows) {
        if (rows == null) {
            return List.of();
        }
        List<WorkingOrder> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!com.catalyst.trading.OrderIntent.opensPosition((String) row.get("client_order_id"), (String) row.get("side"))) {
                continue;
            }
            String symbol = (String) row.get("symbol");
            BigDecimal price = row.get("limit_price") != null ? decimal(row.get("limit_price")) : lastPrice(symbol);
            if (price == null || price.signum() <= 0) {
                price = decimal(row.get("stop_price"));
                LOG.warn("Working order {} in {} has no limit and the market no price: counted at its stop {}", row.get("client_order_id"),
                        symbol, price);
            }
            out.add(new WorkingOrder((String) row.get("client_order_id"), symbol, ((Number) row.get("remaining")).intValue(), price,
                    "sell".equals(row.get("side"))));
        }
        return out;
    }

    private BigDecimal lastPrice(String symbol) {
        double last = market.lastPrice(symbol, clock.sessionDate(), clock.now());
        return Double.isFinite(last) && last > 0 ? BigDecimal.valueOf(last) : null;
    }

    /**
     * One row from the portfolio query (realized P&L all time, open cost and market value, the open symbols) and today's realized P&L.
     * Buying power is the cash left (a cash account: no margin; a short's proceeds are not spent, its cost is held as
     * margin), exposure the open positions' market value, long and short.
     */
    Portfolio portfolio(Map<String, Object> row, BigDecimal realizedToday) {
        BigDecimal realized = decimal(row.get("realized_total"));
        BigDecimal unrealized = decimal(row.get("unrealized_total"));
        BigDecimal cost = decimal(row.get("exposure"));
        BigDecimal equity = startingCash.add(realized).add(unrealized);
        BigDecimal cash = startingCash.add(realized).subtract(cost);
        String symbols = (String) row.get("open_symbols");
        Set<String> open = symbols == null || symbols.isBlank() ? Set.of() : Arrays.stream(symbols.split(",")).collect(Collectors.toSet());
        // a short's market value falls as it gains: its unrealized P&L comes off its cost (exposure is gross, longs plus shorts)
        BigDecimal shortUnrealized = decimal(row.get("short_unrealized"));
        return new Portfolio(equity, cash.max(BigDecimal.ZERO), ((Number) row.get("open_count")).intValue(), open,
                realizedToday == null ? BigDecimal.ZERO : realizedToday, cost.add(unrealized).subtract(shortUnrealized.multiply(BigDecimal.valueOf(2))),
                decimal(row.get("short_exposure")));
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
