package com.catalyst.trading;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.catalyst.risk.RiskCheck;
import com.catalyst.risk.RiskCheckDesk;
import com.catalyst.risk.RiskDecision;
import com.catalyst.routing.ErrorBodies.ConflictException;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.ErrorBodies.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A trader's own orders: checks the request (a bad field is a 400 naming it and nothing reaches the broker), asks
 * risk, and turns an approval into an intent whose client order id derives from the idempotency key, so that the
 * same request sent twice places one order. An entry is a buy (side buy) or, with shorts on, a sell to open (side
 * short); a plain sell is refused, so that the API never takes a close for an open. Closing a position or flattening
 * goes through the exit path.
 */
@Component("manualOrderDesk")
public class ManualOrderDesk {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final RiskCheckDesk symbols;
    private final ExitPlanner exits;

    // a refused order's trail (risk_events)
    private final com.catalyst.risk.RiskRepository riskEvents;
    private final double limitPriceBand;

    // a trader's entry exits as the cycle's do
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private ExitSettings exitSettings = ExitSettings.BRACKET;

    public ManualOrderDesk(RiskCheckDesk symbols, ExitPlanner exits,
                           com.catalyst.risk.RiskRepository riskEvents, com.catalyst.config.CatalystProperties props) {
        this.riskEvents = riskEvents;
        this.limitPriceBand = props.trading().limitPriceBand();
        this.symbols = symbols;
        this.exits = exits;
    }

    /**
     * The order with its fields checked and completed: a known symbol, side buy or short (RiskCheckDesk.entrySide), a
     * type, a key; a market order needs a last price.
     */
    public ManualOrder validate(ManualOrder order, String headerKey) {
        if (order == null) {
            throw new FieldException("symbol", "a JSON body with at least symbol and side is required");
        }
        String symbol = symbols.knownSymbol(order.symbol());
        // buy keeps its name in the request line (an older key replays as before); short names a sell to open
        String side = symbols.entrySide(order.side()).equals("short") ? "short" : "buy";
        // the same range as a risk check's (RiskCheckDesk): risk can only cut a quantity, but it must first be one
        if (order.quantity() != null && (order.quantity() < 1 || order.quantity() > RiskCheckDesk.MAX_QUANTITY)) {
            throw new FieldException("quantity", "'quantity' must be a whole number of shares from 1 to " + RiskCheckDesk.MAX_QUANTITY + ", got "
                    + order.quantity());
        }
        String type = order.type() == null ? "market" : order.type().trim().toLowerCase(Locale.ROOT);
        if (!type.equals("market") && !type.equals("limit")) {
            throw new FieldException("type", "'type' must be market or limit, got '" + order.type() + "'");
        }
        String key = order.idempotencyKey() != null ? order.idempotencyKey() : headerKey != null ? headerKey : UUID.randomUUID().toString();
        if (!KEY.matcher(key).matches()) {
            throw new FieldException("idempotency_key", "'idempotency_key' must be 1–100 letters, digits or . _ : -, got '" + key + "'");
        }
        BigDecimal limit = null;
        if (type.equals("limit")) {
            limit = checkedLimit(symbol, order.limitPrice(), key);
        } else {
            // a market order is judged at the market's last price (risk looks it up again): none yet, nothing to size at
            lastPrice(symbol);
        }
        if (order.entryPrice() != null && order.entryPrice().signum() <= 0) {
            throw new FieldException("entry_price", "'entry_price' must be a positive price, got " + order.entryPrice());
        }
        // the client's entry_price is kept as sent (it is part of the request the key names) but sizes nothing
        return new ManualOrder(symbol, side, order.quantity(), order.entryPrice(), order.stopPrice(), key, type, limit);
    }

    /**
     * An idempotency key names one order: when {@code existing} (the order already stored under this request's key:
     * its client order id and the request it was placed with) asked for something else, the request is refused with a
     * 409 that names the key and the fields that differ. The same body again returns the original order.
     */
    public void requireSameRequest(ManualOrder order, Map<String, Object> existing) {
        if (existing == null || existing.get("request") == null) {
            return;
        }
        List<String> differences = ManualOrder.differences((String) existing.get("request"), order.requestLine());
        if (differences.isEmpty()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("idempotency_key", order.idempotencyKey());
        details.put("client_order_id", existing.get("client_order_id"));
        details.put("differences", differences);
        throw new ConflictException("idempotency key '" + order.idempotencyKey() + "' was already used for order "
                + existing.get("client_order_id") + " with a different request (" + String.join("; ", differences)
                + "); nothing was sent. Send the original body to get that order back, or use a new idempotency key for a new order",
                details);
    }

    /**
     * A limit price must be positive and within the band around the last price (rule {@code limit_price_band}): a limit
     * far from the market is a typo more often than a plan. A refusal is recorded in {@code risk_events}; nothing is sent.
     */
    private BigDecimal checkedLimit(String symbol, BigDecimal limit, String key) {
        if (limit == null || limit.signum() <= 0) {
            throw new FieldException("limit_price", "'limit_price' must be a positive price for a limit order, got " + limit);
        }
        BigDecimal last = lastPrice(symbol);
        double distance = Math.abs(limit.doubleValue() / last.doubleValue() - 1);
        if (distance > limitPriceBand) {
            String message = String.format(Locale.ROOT, "rule limit_price_band: 'limit_price' %s is %.1f%% from the last price %s of %s;"
                    + " at most %.1f%% is accepted (catalyst.trading.limit-price-band); nothing was sent", limit.toPlainString(),
                    distance * 100, last.toPlainString(), symbol, limitPriceBand * 100);
            riskEvents.recordWarning("order_rejected", message, Map.of("rule", "limit_price_band", "symbol", symbol, "limit_price", limit,
                    "last_price", last, "band", BigDecimal.valueOf(limitPriceBand), "client_order_id", clientOrderId(key)));
            throw new FieldException("limit_price", message);
        }
        return limit;
    }

    /** What risk judges: risk prices a market order at the last price itself, a limit order at its limit. */
    public RiskCheck riskCheck(ManualOrder order) {
        return new RiskCheck(order.symbol(), order.shortEntry() ? "short" : "buy", order.entryPrice(), order.stopPrice(), order.quantity(), order.type(), order.limitPrice());
    }

    /** The same key always names the same order: a hash keeps any key within the broker's 128 characters. */
    public static String clientOrderId(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return OrderIntent.MANUAL_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    public String clientOrderIdOf(ManualOrder order) {
        return clientOrderId(order.idempotencyKey());
    }

    /**
     * The entry of an approved order: a buy, or for a short a sell to open with the bracket inverted (risk placed the stop
     * above and the target below), which TradeDesk.send only sends when the broker lends the symbol. In a trailing exit
     * mode either carries its trail and goes out without legs, as a cycle's entries do (TradeDesk.entries).
     */
    public OrderIntent intent(ManualOrder order, RiskDecision decision) {
        OrderIntent entry = new OrderIntent("entry", null, clientOrderId(order.idempotencyKey()), order.symbol(), order.shortEntry() ? OrderSide.SELL : OrderSide.BUY,
                decision.approvedQuantity(), decision.entryPrice(), decision.stopPrice(), decision.targetPrice(), decision.riskAmount(), "manual",
                null, null, order.limit() ? OrderType.LIMIT : OrderType.MARKET, order.limitPrice(), order.idempotencyKey(), order.requestLine());
        return entry.withTrail(exitSettings.trailFor(decision));
    }

    /** The 422 answer to an order risk refused: the reason and the numbers, and the note that nothing was sent. */
    public Map<String, Object> refused(ManualOrder order, RiskDecision decision) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "risk rejected the order, nothing was sent: " + decision.reason());
        body.put("client_order_id", clientOrderId(order.idempotencyKey()));
        body.put("decision", decision);
        return body;
    }

    /** Exit intents for the open position in {@code symbol}; 404 when none is open. */
    public List<OrderIntent> closePosition(String symbol, String reason, List<PositionForExit> open) {
        String why = closeReason(reason, "manual_close");
        if (open.isEmpty()) {
            throw new NotFoundException("no open position in " + symbol);
        }
        return exits.closing(null, open, why);
    }

    public List<OrderIntent> flatten(String reason, List<PositionForExit> open) {
        return exits.closing(null, open, closeReason(reason, "flatten"));
    }

    /** The close reasons a caller may record (the MCP gateway's stop tools among them); none given: {@code otherwise}. */
    static final List<String> CLOSE_REASONS = List.of("manual_close", "flatten", "stop_trading", "emergency_stop");

    static String closeReason(String reason, String otherwise) {
        if (reason == null || reason.isBlank()) {
            return otherwise;
        }
        if (!CLOSE_REASONS.contains(reason)) {
            throw new FieldException("reason", "reason must be one of " + CLOSE_REASONS + ", got '" + reason + "'");
        }
        return reason;
    }

    private BigDecimal lastPrice(String symbol) {
        return symbols.lastPrice(symbol, "sized", "send");
    }
}
