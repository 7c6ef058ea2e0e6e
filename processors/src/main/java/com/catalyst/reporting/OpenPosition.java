package com.catalyst.reporting;

import java.math.BigDecimal;

/** A position still open at the end of the reported period: its unrealized P&L and the capital it ties up. */
public record OpenPosition(String symbol, String pattern, int quantity, BigDecimal entryPrice, BigDecimal unrealizedPnl) {

    /** Gross exposure: shares times entry price, whatever the side. */
    public BigDecimal exposure() {
        return entryPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
