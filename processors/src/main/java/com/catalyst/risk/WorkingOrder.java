package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * An entry order the broker may still fill (pending_submit, submitted, new, accepted, partially_filled, or unknown
 * after a send that did not answer): the shares still to fill and the price they would cost (the limit, else the last price).
 * Risk counts it as if it fills; a short entry (a sell to open) counts in the short exposure as well.
 */
public record WorkingOrder(String clientOrderId, String symbol, int remainingQuantity, BigDecimal price, boolean shortEntry) {

    /** A long entry (a buy). */
    public WorkingOrder(String clientOrderId, String symbol, int remainingQuantity, BigDecimal price) {
        this(clientOrderId, symbol, remainingQuantity, price, false);
    }

    public BigDecimal cost() {
        return price.multiply(BigDecimal.valueOf(remainingQuantity));
    }
}
