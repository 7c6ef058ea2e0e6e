package com.catalyst.gateway.routes;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.gateway.tools.ToolFailure;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.TradeProposal;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.PositionSide;
import com.catalyst.trading.TradeRequest;
import com.catalyst.workflow.TradingMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the requests that the gateway's trading tools send through the normal order path: a risk proposal from the
 * symbol's latest technical reading, a trade request from an approved decision, and a change of the risk limits.
 */
public class TradeTickets {

    private final ObjectMapper json;
    private final TradingClock clock;
    private final CycleDesk cycles;

    public TradeTickets(ObjectMapper json, TradingClock clock, CycleDesk cycles) {
        this.json = json;
        this.clock = clock;
        this.cycles = cycles;
    }

    /** The cycle a manual order attaches to: today's latest; none today is a clear refusal. */
    public String cycleForManualTrade(Object currentCycle) {
        String today = clock.sessionDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        String cycleId = currentCycle instanceof Map<?, ?> row ? (String) row.get("cycle_id") : null;
        if (cycleId == null || !cycleId.startsWith(today)) {
            throw new ToolFailure("execute_trade attaches the order to today's latest trading cycle, and none has run today (session "
                    + clock.sessionDate() + "). Call start_trading_cycle with run_now=true first, then try again.");
        }
        return cycleId;
    }

    /**
     * The risk request for an entry at the symbol's last price, with its ATR for the stop: {@code side} long (or none) or
     * short, which risk judges as a cycle's short (and refuses, naming the setting, while shorts are off).
     */
    public String riskRequest(String cycleId, String symbol, String side, Object technical) throws JsonProcessingException {
        Map<?, ?> reading = reading(symbol, technical);
        double price = ((Number) reading.get("price")).doubleValue();
        double atr = reading.get("atr") instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(price > 0) || !Double.isFinite(atr) || atr <= 0) {
            throw new ToolFailure("No usable price and ATR for " + symbol + " yet (price " + price + ", ATR " + atr + "); try again later in the session.");
        }
        double score = reading.get("signal_score") instanceof Number n ? n.doubleValue() : 0;
        TradeProposal proposal = new TradeProposal(symbol, proposalSide(side), BigDecimal.valueOf(price), atr, "manual", score);
        double size = TradingMode.of(cycles.mode()).sizeMultiplier();
        return json.writeValueAsString(new RiskRequest(cycleId, size, List.of(proposal)));
    }

    /** The one decision of a single-proposal risk answer. */
    public Map<String, Object> decision(Object riskResponse) {
        if (riskResponse instanceof Map<?, ?> response && response.get("decisions") instanceof List<?> decisions && !decisions.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> decision = (Map<String, Object>) decisions.get(0);
            return decision;
        }
        throw new IllegalStateException("the risk bundle answered without a decision");
    }

    /** The trade request for an approved decision; a rejection is the tool's answer, as an error with the reason. */
    public String tradeRequest(String cycleId, Map<String, Object> decision) throws JsonProcessingException {
        RiskDecision d = json.convertValue(decision, RiskDecision.class);
        if (!d.tradeable()) {
            throw new ToolFailure("Risk rejected the trade in " + d.symbol() + ": " + d.reason(), Map.of("decision", decision));
        }
        return json.writeValueAsString(new TradeRequest(cycleId, List.of(d)));
    }

    /** The side of the proposal: the tools' long or short (their schema allows no other); none is long. */
    static String proposalSide(String side) {
        return "short".equals(side) ? "short" : "long";
    }

    /** The id trading gives the entry (TradeDesk.entries): a long buys, a short sells to open. */
    public String entryClientOrderId(String cycleId, String symbol, String side) {
        return OrderIntent.entryClientOrderId(cycleId, symbol, PositionSide.of(proposalSide(side)).entryOrderSide());
    }

    /** A cycle holds one entry a symbol and side: a second one is refused before risk records anything. */
    public void requireNoEntry(String cycleId, String symbol, String side, boolean onRecord) {
        if (onRecord) {
            throw new ToolFailure("Cycle " + cycleId + " already has an entry order for " + symbol + " (client order id "
                    + entryClientOrderId(cycleId, symbol, side) + "); one entry per symbol per cycle. See get_orders, or wait for the next cycle.");
        }
    }

    /** The open-position row of one symbol, as a one-element list, or a refusal naming the open symbols. */
    public List<Object> positionOf(Object positions, String symbol) {
        List<Object> open = positions instanceof List<?> rows ? new ArrayList<Object>(rows) : new ArrayList<>();
        for (Object r : open) {
            if (symbol.equals(((Map<?, ?>) r).get("symbol"))) {
                return List.of(r);
            }
        }
        List<String> symbols = open.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("symbol"))).toList();
        throw new ToolFailure("No open position in " + symbol + ". Open positions: " + (symbols.isEmpty() ? "none" : symbols) + ".");
    }

    /** The body of PUT /api/v1/risk/limits from the tool's arguments: the limits it names, and the reason if given. */
    public String limitChange(Map<String, Object> args) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        args.forEach((name, value) -> {
            if (value != null) {
                body.put(name, value);
            }
        });
        if (body.keySet().stream().noneMatch(name -> !"reason".equals(name))) {
            throw new ToolFailure("update_risk_parameters changes nothing without a limit: name at least one of risk_per_trade, "
                    + "max_open_positions, max_position_share, max_total_exposure_share, min_price, max_daily_loss.");
        }
        return json.writeValueAsString(body);
    }

    private static Map<?, ?> reading(String symbol, Object technical) {
        // GET /api/v1/technical/{symbol} answers the latest reading beside the window's series
        if (technical instanceof Map<?, ?> response && response.get("latest") instanceof Map<?, ?> latest) {
            return latest;
        }
        if (technical instanceof Map<?, ?> response && response.get("readings") instanceof List<?> readings && !readings.isEmpty()) {
            return (Map<?, ?>) readings.get(0);
        }
        Object skipped = technical instanceof Map<?, ?> response && response.get("skipped") instanceof Map<?, ?> s ? s.get(symbol) : null;
        throw new ToolFailure("No technical reading for " + symbol + (skipped == null ? "" : ": " + skipped)
                + ". Check the ticker with scan_market or try later in the session.");
    }
}
