package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.Set;

/** The account as the risk manager sees it, read from the record of positions before each decision. */
public record Portfolio(BigDecimal equity, BigDecimal buyingPower, int openPositions, Set<String> openSymbols,
                        BigDecimal realizedPnlToday) {
}
