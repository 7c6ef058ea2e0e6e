package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * One trade a trader proposes by hand ({@code POST /api/v1/risk/check}): symbol, side, entry price, and optionally
 * the stop and the quantity wanted. Checked field by field before it becomes a {@link TradeProposal}.
 */
public record RiskCheck(String symbol, String side, BigDecimal entryPrice, BigDecimal stopPrice, Integer quantity) {
}
