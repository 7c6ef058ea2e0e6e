package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper order a trader places by hand ({@code POST /api/v1/trading/orders}): an entry in {@code symbol}, long
 * ({@code side} buy) or short ({@code side} short: a sell to open, only while shorts are allowed), sized
 * by risk unless {@code quantity} is given (risk may still cut it), judged at the last price (a market order) or its
 * limit (a limit order), with an optional stop; {@code entryPrice}, if sent, is recorded but sizes nothing. {@code idempotencyKey} names the order: the same key always maps to the same client
 * order id. {@code type} is market (default) or limit with {@code limitPrice}: a limit entry rests at the broker until
 * the price comes to it.
 */
public record ManualOrder(String symbol, String side, Integer quantity, BigDecimal entryPrice, BigDecimal stopPrice,
                          String idempotencyKey, String type, BigDecimal limitPrice) {

    public ManualOrder(String symbol, String side, Integer quantity, BigDecimal entryPrice, BigDecimal stopPrice, String idempotencyKey) {
        this(symbol, side, quantity, entryPrice, stopPrice, idempotencyKey, null, null);
    }

    /** A short entry: sold to open, its bracket inverted (the stop above the entry, the target below). */
    public boolean shortEntry() {
        return "short".equals(side);
    }

    public boolean limit() {
        return "limit".equals(type);
    }

    /**
     * What the client asked for, as one canonical line (symbol, side, type, quantity, prices; numbers without trailing
     * zeros): two bodies that ask for the same order give the same line. Stored with the order under its idempotency key.
     */
    public String requestLine() {
        StringBuilder line = new StringBuilder();
        fields().forEach((name, value) -> line.append(line.isEmpty() ? "" : ";").append(name).append('=').append(value));
        return line.toString();
    }

    /**
     * The fields in which {@code incoming} differs from {@code stored} (both {@link #requestLine}s), each as
     * {@code name: stored → incoming}; empty when they ask for the same order.
     */
    public static List<String> differences(String stored, String incoming) {
        Map<String, String> before = parse(stored);
        Map<String, String> after = parse(incoming);
        List<String> out = new ArrayList<>();
        for (String name : union(before, after)) {
            String was = before.getOrDefault(name, "");
            String now = after.getOrDefault(name, "");
            if (!was.equals(now)) {
                out.add(name + ": " + (was.isEmpty() ? "(none)" : was) + " → " + (now.isEmpty() ? "(none)" : now));
            }
        }
        return out;
    }

    private Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("symbol", symbol == null ? "" : symbol);
        f.put("side", side == null ? "" : side);
        f.put("type", type == null ? "market" : type);
        f.put("quantity", quantity == null ? "" : quantity.toString());
        f.put("entry_price", plain(entryPrice));
        f.put("stop_price", plain(stopPrice));
        f.put("limit_price", plain(limitPrice));
        return f;
    }

    private static String plain(BigDecimal price) {
        return price == null ? "" : price.stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (line == null || line.isEmpty()) {
            return out;
        }
        for (String pair : line.split(";")) {
            int eq = pair.indexOf('=');
            out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return out;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(n -> !a.containsKey(n)).forEach(names::add);
        return names;
    }
}
