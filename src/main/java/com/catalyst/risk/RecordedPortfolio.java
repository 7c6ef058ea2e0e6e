package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * The portfolio's figures from {@code positions} (RiskRepository.portfolio): realized P&L of every closed position, the
 * open positions' unrealized P&L and cost (long and short), the shorts' market value and unrealized P&L, how many are
 * open and their symbols, comma-separated. RiskDesk turns them into the Portfolio the limits judge.
 */
public record RecordedPortfolio(BigDecimal realizedTotal, BigDecimal unrealizedTotal, BigDecimal exposure, BigDecimal shortExposure,
                                BigDecimal shortUnrealized, long openCount, String openSymbols) {
}
