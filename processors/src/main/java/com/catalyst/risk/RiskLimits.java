package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * The risk manager's limits: risk per trade as a share of equity, open positions, one position's value as a share of
 * equity, minimum price, maximum daily loss (the kill switch), and how the stop is placed (ATR multiple, clamped to
 * 1–5 % of the entry) and the target (reward-to-risk multiple).
 */
public record RiskLimits(BigDecimal riskPerTrade, int maxOpenPositions, BigDecimal maxPositionShare, BigDecimal minPrice,
                         BigDecimal maxDailyLoss, double stopAtrMultiple, double rewardToRisk) {

    public static final double MIN_STOP_SHARE = 0.01;
    public static final double MAX_STOP_SHARE = 0.05;
}
