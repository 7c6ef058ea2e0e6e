package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.Map;

import com.catalyst.trading.PositionSide;

/**
 * The verdict on one proposal: approved, resized (a limit cut the size) or rejected, with the reason a trader can read
 * and the numbers behind it. Stored in {@code risk_decisions} before any order exists. {@code side} is the proposal's,
 * long or short; null when the proposal named neither, which rejects it.
 */
public record RiskDecision(String symbol, PositionSide side, Verdict verdict, int requestedQuantity, int approvedQuantity,
                           BigDecimal entryPrice, BigDecimal stopPrice, BigDecimal targetPrice, BigDecimal riskAmount,
                           String patternType, String reason, Map<String, Object> numbers) {

    public boolean tradeable() {
        return verdict != Verdict.REJECTED && approvedQuantity > 0;
    }
}
