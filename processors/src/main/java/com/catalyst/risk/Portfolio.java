package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The account as the risk manager sees it, read from the record of positions before each decision;
 * {@code exposure} is the market value of the open positions.
 */
public record Portfolio(BigDecimal equity, BigDecimal buyingPower, int openPositions, Set<String> openSymbols,
                        BigDecimal realizedPnlToday, BigDecimal exposure) {

    /** A portfolio whose open positions carry no exposure figure (they count as zero). */
    public Portfolio(BigDecimal equity, BigDecimal buyingPower, int openPositions, Set<String> openSymbols, BigDecimal realizedPnlToday) {
        this(equity, buyingPower, openPositions, openSymbols, realizedPnlToday, BigDecimal.ZERO);
    }
}
