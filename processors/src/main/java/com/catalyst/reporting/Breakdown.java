package com.catalyst.reporting;

import java.math.BigDecimal;

/** The closed trades of one symbol or one pattern: how many, how many won or lost, and their realized P&L. */
public record Breakdown(String key, int trades, int wins, int losses, BigDecimal realizedPnl, double winRate) {
}
