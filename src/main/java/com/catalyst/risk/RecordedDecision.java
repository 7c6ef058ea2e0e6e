package com.catalyst.risk;

import java.math.BigDecimal;

/**
 * A decision as {@code risk_decisions} holds it (RiskRepository.recordedDecision): its verdict, the quantity approved, the
 * stop and target (null when none) and its numbers as JSON text.
 */
public record RecordedDecision(Verdict verdict, int approvedQuantity, BigDecimal stopPrice, BigDecimal targetPrice, String numbers) {
}
