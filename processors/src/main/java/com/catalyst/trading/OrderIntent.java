package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An order the trading bundle has decided to send, stored (status pending_submit) before the broker is called.
 * {@code kind} is entry or exit; an exit names the position it closes. {@code orderType} is market or limit ({@code limitPrice}).
 * A trader's own order carries its idempotency key and {@code request} ({@link ManualOrder#requestLine}), stored with
 * the row so that the key reused for another order is refused. An entry with a {@code trail} (a trailing exit mode)
 * is sent without bracket legs: its trailing stop follows once it has filled (OrderSyncDesk), as Alpaca takes no
 * trailing leg in a bracket; its stop and target stay on the position for the exit planner.
 */
public record OrderIntent(String kind, String cycleId, String clientOrderId, String symbol, OrderSide side, int quantity,
                          BigDecimal referencePrice, BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal riskAmount,
                          String patternType, Integer positionId, String closeReason, OrderType orderType, BigDecimal limitPrice,
                          String idempotencyKey, String request, Trail trail) {

    public OrderIntent {
        orderType = orderType == null ? OrderType.MARKET : orderType;
    }

    /** Any order but an entry with a trailing exit. */
    public OrderIntent(String kind, String cycleId, String clientOrderId, String symbol, OrderSide side, int quantity,
                       BigDecimal referencePrice, BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal riskAmount,
                       String patternType, Integer positionId, String closeReason, OrderType orderType, BigDecimal limitPrice,
                       String idempotencyKey, String request) {
        this(kind, cycleId, clientOrderId, symbol, side, quantity, referencePrice, stopLoss, takeProfit, riskAmount, patternType, positionId,
                closeReason, orderType, limitPrice, idempotencyKey, request, null);
    }

    /** The same entry with its exit trailing by {@code newTrail} (null: the bracket). */
    public OrderIntent withTrail(Trail newTrail) {
        return new OrderIntent(kind, cycleId, clientOrderId, symbol, side, quantity, referencePrice, stopLoss, takeProfit, riskAmount,
                patternType, positionId, closeReason, orderType, limitPrice, idempotencyKey, request, newTrail);
    }

    /** What an entry's id takes to name its trailing stop. */
    public static final String TRAILING_STOP_SUFFIX = "-TS";

    /** The client order id of the trailing stop that follows an entry's fill: one per entry, so a restart never places two. */
    public static String trailingStopClientOrderId(String entryClientOrderId) {
        return entryClientOrderId + TRAILING_STOP_SUFFIX;
    }

    /** An order the system decided on (no trader's request behind it). */
    public OrderIntent(String kind, String cycleId, String clientOrderId, String symbol, OrderSide side, int quantity,
                       BigDecimal referencePrice, BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal riskAmount,
                       String patternType, Integer positionId, String closeReason, OrderType orderType, BigDecimal limitPrice) {
        this(kind, cycleId, clientOrderId, symbol, side, quantity, referencePrice, stopLoss, takeProfit, riskAmount, patternType, positionId,
                closeReason, orderType, limitPrice, null, null);
    }

    /** A market order. */
    public OrderIntent(String kind, String cycleId, String clientOrderId, String symbol, OrderSide side, int quantity,
                       BigDecimal referencePrice, BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal riskAmount,
                       String patternType, Integer positionId, String closeReason) {
        this(kind, cycleId, clientOrderId, symbol, side, quantity, referencePrice, stopLoss, takeProfit, riskAmount, patternType, positionId,
                closeReason, OrderType.MARKET, null);
    }

    /**
     * The entry a cycle makes of an approved decision, live (TradeDesk) and in a backtest alike: a long buys, a short
     * sells to open with its bracket inverted (the stop above, the target below); in a trailing exit mode it carries the
     * trail its trailing stop will follow and goes out without legs (docs/brokers.md, "Exits").
     */
    public static OrderIntent entry(String cycleId, com.catalyst.risk.RiskDecision d, ExitSettings exits) {
        OrderSide side = d.side().entryOrderSide();
        return new OrderIntent("entry", cycleId, entryClientOrderId(cycleId, d.symbol(), side), d.symbol(), side, d.approvedQuantity(),
                d.entryPrice(), d.stopPrice(), d.targetPrice(), d.riskAmount(), d.patternType(), null, null).withTrail(exits.trailFor(d));
    }

    /** Entry ids derive from the cycle and the decision (symbol and side): the same decision always maps to one order. */
    public static String entryClientOrderId(String cycleId, String symbol, OrderSide side) {
        return "CAT-" + cycleId + "-" + symbol + "-" + side.id();
    }

    /** What a trader's own entry's id starts with ({@code CAT-MAN-<hash>}: ManualOrderDesk), whichever its side. */
    public static final String MANUAL_PREFIX = "CAT-MAN-";

    /**
     * Whether an order that is no bracket leg and no trailing stop opens (or grows) a position: an entry, a buy for a long
     * or a sell for a short: a cycle's {@code CAT-<cycle>-<symbol>-sell} or a trader's {@code CAT-MAN-…}. Exits
     * ({@code CAT-EXIT-…}) close, whichever their side, and so does any other sell.
     */
    public static boolean opensPosition(String clientOrderId, OrderSide side) {
        if (clientOrderId.startsWith("CAT-EXIT-")) {
            return false;
        }
        return side == OrderSide.BUY || clientOrderId.endsWith("-sell") || clientOrderId.startsWith(MANUAL_PREFIX);
    }

    public static String exitClientOrderId(int positionId) {
        return exitClientOrderId(positionId, 0);
    }

    /**
     * An exit's id: one per position and attempt. {@code failedExits} counts the position's exits that ended without
     * closing it (rejected, canceled, expired), so a restart of the same attempt re-sends the same id while a retry
     * after a rejection gets a new one (the broker refuses a reused id for good).
     */
    public static String exitClientOrderId(int positionId, int failedExits) {
        if (failedExits < 0) {
            throw new IllegalArgumentException("position " + positionId + ": failed exits cannot be negative, got " + failedExits);
        }
        return failedExits == 0 ? "CAT-EXIT-" + positionId : "CAT-EXIT-" + positionId + "-" + (failedExits + 1);
    }

    public OrderRequest toRequest() {
        if (trail != null) {
            // no leg: the trailing stop is placed for what fills, and the target is the exit planner's
            return new OrderRequest(clientOrderId, symbol, side, quantity, orderType, limitPrice, null, null);
        }
        // an entry with a stop and a target is a bracket: the broker holds both exits once it fills
        return new OrderRequest(clientOrderId, symbol, side, quantity, orderType, limitPrice, stopLoss, takeProfit);
    }

    /** The orders row, keyed for camel-sql's named parameters. */
    public Map<String, Object> sqlRow() {
        Map<String, Object> row = new HashMap<>();
        row.put("order_id", UUID.nameUUIDFromBytes(clientOrderId.getBytes()));
        row.put("client_order_id", clientOrderId);
        row.put("cycle_id", cycleId);
        row.put("symbol", symbol);
        row.put("side", side.id());
        // the risk decision an entry comes from: a buy is a long's, a sell a short's; an exit has none
        row.put("decision_side", "entry".equals(kind) ? PositionSide.openedBy(side).id() : null);
        row.put("quantity", quantity);
        row.put("stop_price", stopLoss);
        row.put("take_profit_price", takeProfit);
        row.put("order_class", trail == null && stopLoss != null && takeProfit != null ? "bracket" : "simple");
        row.put("trail_percent", trail == null ? null : trail.percent());
        row.put("trail_price", trail == null ? null : trail.price());
        row.put("position_id", positionId);
        // an exit's reason, kept on its order for the order sync that may close the position later (partial fills)
        row.put("close_reason", closeReason);
        row.put("order_type", orderType.id());
        row.put("limit_price", limitPrice);
        row.put("idempotency_key", idempotencyKey);
        row.put("request", request);
        return row;
    }
}
