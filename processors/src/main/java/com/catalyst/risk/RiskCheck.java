package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * One trade a trader proposes by hand ({@code POST /api/v1/risk/check}, and every manual order on its way to the broker):
 * symbol, side ({@code buy} or {@code long} for a long entry, {@code short} for a short one), optionally the stop and
 * the quantity wanted, and the order type: {@code market} (the default) or {@code limit} with {@code limitPrice}.
 * Checked field by field before it becomes a {@link TradeProposal}.
 * {@code entryPrice} is what the client said it expects to pay; it never sizes or limits anything (see {@link #judgedPrice}).
 */
public record RiskCheck(String symbol, String side, BigDecimal entryPrice, BigDecimal stopPrice, Integer quantity, String type,
                        BigDecimal limitPrice) {

    /** A market check (the form before order types reached risk). */
    public RiskCheck(String symbol, String side, BigDecimal entryPrice, BigDecimal stopPrice, Integer quantity) {
        this(symbol, side, entryPrice, stopPrice, quantity, null, null);
    }

    /** A short entry (side {@code short}): judged as the cycle's shorts are, stop above the entry and target below. */
    public boolean shortEntry() {
        return side != null && "short".equalsIgnoreCase(side.trim());
    }

    public boolean limit() {
        return type != null && "limit".equalsIgnoreCase(type.trim());
    }

    /**
     * The price the trade is sized and limited at: a market order pays the market, so it is judged at the market's
     * {@code lastPrice}; a limit order pays at worst its limit. The client's {@code entryPrice} plays no part: a price
     * the client makes up must not buy more shares or slip past the minimum price, position or exposure limits.
     */
    public BigDecimal judgedPrice(BigDecimal lastPrice) {
        return limit() ? limitPrice : lastPrice;
    }

    /** The proposal risk judges, at {@link #judgedPrice}; {@code atr} places the stop when the trader names none. */
    public TradeProposal proposal(BigDecimal lastPrice, double atr) {
        return new TradeProposal(symbol, shortEntry() ? "short" : "long", judgedPrice(lastPrice), atr, "manual", 0, stopPrice, quantity);
    }
}
