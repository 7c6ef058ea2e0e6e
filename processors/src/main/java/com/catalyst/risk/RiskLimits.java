package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * The risk manager's limits: risk per trade as a share of equity, open positions, one position's value as a share of
 * equity, minimum price, maximum daily loss (the kill switch), how the stop is placed (ATR multiple, clamped to
 * 1–5 % of the entry) and the target (reward-to-risk multiple); the value of all open positions as a share of equity;
 * and the trading window: no entries in the first or the last minutes of the session (0 turns either off); for short
 * entries, the value of all open shorts and of one short as shares of equity.
 */
public record RiskLimits(BigDecimal riskPerTrade, int maxOpenPositions, BigDecimal maxPositionShare, BigDecimal minPrice,
                         BigDecimal maxDailyLoss, double stopAtrMultiple, double rewardToRisk,
                         BigDecimal maxTotalExposureShare, int noEntryFirstMinutes, int noEntryLastMinutes,
                         BigDecimal maxShortExposureShare, BigDecimal maxShortPositionShare) {

    public static final double MIN_STOP_SHARE = 0.01;
    public static final double MAX_STOP_SHARE = 0.05;

    /** The limits before shorts existed: the short limits take the table's defaults ({@link RiskLimit}). */
    public RiskLimits(BigDecimal riskPerTrade, int maxOpenPositions, BigDecimal maxPositionShare, BigDecimal minPrice,
                      BigDecimal maxDailyLoss, double stopAtrMultiple, double rewardToRisk,
                      BigDecimal maxTotalExposureShare, int noEntryFirstMinutes, int noEntryLastMinutes) {
        this(riskPerTrade, maxOpenPositions, maxPositionShare, minPrice, maxDailyLoss, stopAtrMultiple, rewardToRisk, maxTotalExposureShare,
                noEntryFirstMinutes, noEntryLastMinutes, RiskLimit.MAX_SHORT_EXPOSURE_SHARE.defaultValue(),
                RiskLimit.MAX_SHORT_POSITION_SHARE.defaultValue());
    }

    /** The limits before total exposure and the trading window existed: exposure up to equity, entries all session. */
    public RiskLimits(BigDecimal riskPerTrade, int maxOpenPositions, BigDecimal maxPositionShare, BigDecimal minPrice,
                      BigDecimal maxDailyLoss, double stopAtrMultiple, double rewardToRisk) {
        this(riskPerTrade, maxOpenPositions, maxPositionShare, minPrice, maxDailyLoss, stopAtrMultiple, rewardToRisk, BigDecimal.ONE, 0, 0);
    }
}
