package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.Instant;

/** The cumulative realized P&L after one closed trade, and how far it sits below the best level reached so far. */
public record EquityPoint(Instant at, String symbol, BigDecimal tradePnl, BigDecimal equity, BigDecimal drawdown) {
}
