package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * A paper order a trader places by hand ({@code POST /api/v1/trading/orders}): a long entry in {@code symbol}, sized
 * by risk unless {@code quantity} is given (risk may still cut it), at {@code entryPrice} (default: the last price, or
 * the limit), with an optional stop. {@code idempotencyKey} names the order: the same key always maps to the same client
 * order id. {@code type} is market (default) or limit with {@code limitPrice}: a limit entry rests at the broker until
 * the price comes to it.
 */
public record ManualOrder(String symbol, String side, Integer quantity, BigDecimal entryPrice, BigDecimal stopPrice,
                          String idempotencyKey, String type, BigDecimal limitPrice) {

    public ManualOrder(String symbol, String side, Integer quantity, BigDecimal entryPrice, BigDecimal stopPrice, String idempotencyKey) {
        this(symbol, side, quantity, entryPrice, stopPrice, idempotencyKey, null, null);
    }

    public boolean limit() {
        return "limit".equals(type);
    }
}
