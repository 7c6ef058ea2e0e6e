package com.catalyst.desk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.config.CatalystProperties;
import com.catalyst.risk.Portfolio;
import com.catalyst.risk.RiskManager;
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

    private final RiskManager riskManager;
    private final BigDecimal startingCash;
    private final ObjectMapper json;

    public RiskDesk(RiskManager riskManager, CatalystProperties props, ObjectMapper json) {
        this.riskManager = riskManager;
        this.startingCash = props.broker().startingCash();
        this.json = json;
    }

    public RiskResponse evaluate(RiskRequest request, List<Map<String, Object>> portfolioRows) {
        return riskManager.evaluate(request, portfolio(portfolioRows.get(0)));
    }

    /** One row from the portfolio query: realized P&L all time and today, open exposure and the open symbols. */
    Portfolio portfolio(Map<String, Object> row) {
        BigDecimal realized = decimal(row.get("realized_total"));
        BigDecimal unrealized = decimal(row.get("unrealized_total"));
        BigDecimal exposure = decimal(row.get("exposure"));
        BigDecimal equity = startingCash.add(realized).add(unrealized);
        String symbols = (String) row.get("open_symbols");
        Set<String> open = symbols == null || symbols.isBlank() ? Set.of() : Arrays.stream(symbols.split(",")).collect(Collectors.toSet());
        return new Portfolio(equity, equity.subtract(exposure).max(BigDecimal.ZERO), ((Number) row.get("open_count")).intValue(), open,
                decimal(row.get("realized_today")));
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
