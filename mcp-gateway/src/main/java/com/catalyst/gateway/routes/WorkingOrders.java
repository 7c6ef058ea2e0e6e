package com.catalyst.gateway.routes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.catalyst.gateway.tools.ToolFailure;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.OrderSide;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The working orders among the recent ones, and the replacement of a limit entry: Catalyst replaces by cancel + new
 * limit entry (POST /api/v1/trading/orders, judged by risk) rather than the broker's PATCH, which the paper broker
 * lacks and which would let a changed order bypass risk.
 */
public class WorkingOrders {

    /** Statuses in which an order may still fill (Alpaca's names; the paper broker uses a subset). */
    static final Set<String> WORKING = Set.of("pending_submit", "pending_new", "new", "accepted", "partially_filled", "held",
            "pending_cancel", "pending_replace", "accepted_for_bidding", "calculated");

    private final ObjectMapper json;

    public WorkingOrders(ObjectMapper json) {
        this.json = json;
    }

    public List<Map<String, Object>> working(Object orders) {
        return rows(orders).stream().filter(o -> WORKING.contains(String.valueOf(o.get("status")))).toList();
    }

    /** The order of this id among the recent ones, or a refusal naming the id and where the ids are. */
    public Map<String, Object> known(Object orders, String clientOrderId) {
        return rows(orders).stream().filter(o -> clientOrderId.equals(o.get("client_order_id"))).findFirst()
                .orElseThrow(() -> new ToolFailure("No order " + clientOrderId + " among the latest 1000; list them with get_working_orders."));
    }

    /**
     * The order to replace: working, a limit entry (a buy, or a short's sell to open: OrderIntent.opensPosition), not a
     * bracket leg; anything else (an exit, a stop) is a refusal saying why.
     */
    public Map<String, Object> replaceable(Object orders, String clientOrderId) {
        Map<String, Object> order = known(orders, clientOrderId);
        if (!WORKING.contains(String.valueOf(order.get("status")))) {
            throw new ToolFailure("Order " + clientOrderId + " is " + order.get("status") + ", no longer working: nothing to replace.");
        }
        if (order.get("leg") != null || !OrderIntent.opensPosition(clientOrderId, OrderSide.of(String.valueOf(order.get("side"))))
                || !"limit".equals(order.get("order_type"))) {
            throw new ToolFailure("replace_order changes limit entries only (a buy, or a short's sell to open; type limit; not a bracket"
                    + " leg or an exit); order " + clientOrderId
                    + " is a " + order.get("side") + " " + order.get("order_type") + (order.get("leg") == null ? "" : " " + order.get("leg") + " leg")
                    + " order. Cancel it with cancel_order instead.");
        }
        return order;
    }

    /** After the cancel: an order that filled meanwhile (fully or in part) is not replaced, as the trader would not want it doubled. */
    public void requireCanceled(Object canceled, String clientOrderId) {
        Map<?, ?> order = canceled instanceof Map<?, ?> m ? m : Map.of();
        Object filled = order.get("filled_qty");
        if (filled instanceof Number n && n.doubleValue() > 0) {
            throw new ToolFailure("Order " + clientOrderId + " had filled " + n + " shares before the cancel (status " + order.get("status")
                    + "); no new order was placed. Check get_positions.", Map.of("canceled", order));
        }
    }

    /**
     * The new limit entry's body: same symbol and direction (a sell to open stays a short), the given or the old quantity,
     * a key derived from the old order's id; risk sets its stop.
     */
    public String replacement(Map<?, ?> old, Map<String, Object> args) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", old.get("symbol"));
        // a short's entry is replaced by a short: the trading API takes side short for a sell to open
        body.put("side", "sell".equals(old.get("side")) ? "short" : "buy");
        Object quantity = args.get("quantity") != null ? args.get("quantity") : ((Number) old.get("quantity")).intValue();
        body.put("quantity", quantity);
        body.put("type", "limit");
        BigDecimal limit = BigDecimal.valueOf(((Number) args.get("limit_price")).doubleValue()).setScale(2, java.math.RoundingMode.HALF_UP);
        body.put("limit_price", limit);
        // no stop_price: the old order's stop was risk's for the old price, so risk sets the stop anew from the ATR
        // one replacement an old order: calling again with the same price replays, another price is a 409 naming the key
        body.put("idempotency_key", "replace-" + shortHash(String.valueOf(old.get("client_order_id"))));
        return json.writeValueAsString(body);
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object orders) {
        return orders instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
