package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * A candidate to trade: long entry at {@code entryPrice}, with the ATR that sets its stop. A trader's own proposal may
 * name its stop ({@code stopPrice}) and the quantity wanted ({@code quantity}); risk can only cut that quantity.
 */
public record TradeProposal(String symbol, String side, BigDecimal entryPrice, double atr, String patternType, double score,
                            BigDecimal stopPrice, Integer quantity) {

    /** A cycle's proposal: the stop comes from the ATR and the size from the risk budget. */
    public TradeProposal(String symbol, String side, BigDecimal entryPrice, double atr, String patternType, double score) {
        this(symbol, side, entryPrice, atr, patternType, score, null, null);
    }
}
