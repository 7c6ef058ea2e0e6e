package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * A paper order a trader places by hand ({@code POST /api/v1/trading/orders}): a long entry in {@code symbol}, sized
 * by risk unless {@code quantity} is given (risk may still cut it), at {@code entryPrice} (default: the last price),
 * with an optional stop. {@code idempotencyKey} names the order: the same key always maps to the same client order id.
 */
public record ManualOrder(String symbol, String side, Integer quantity, BigDecimal entryPrice, BigDecimal stopPrice,
                          String idempotencyKey) {
}
