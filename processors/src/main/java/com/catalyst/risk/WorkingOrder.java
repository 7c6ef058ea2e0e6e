package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * An entry order the broker may still fill (pending_submit, submitted, new, accepted, partially_filled, or unknown
 * after a send that did not answer): the shares still to fill and the price they would cost (the limit, else the last price).
 * Risk counts it as if it fills.
 */
public record WorkingOrder(String clientOrderId, String symbol, int remainingQuantity, BigDecimal price) {

    public BigDecimal cost() {
        return price.multiply(BigDecimal.valueOf(remainingQuantity));
    }
}
