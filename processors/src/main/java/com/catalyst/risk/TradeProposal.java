package com.catalyst.risk;

import java.math.BigDecimal;

/** A candidate the workflow wants to trade: long entry at {@code entryPrice}, with the ATR that sets its stop. */
public record TradeProposal(String symbol, String side, BigDecimal entryPrice, double atr, String patternType, double score) {
}
