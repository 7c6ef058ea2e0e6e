package com.catalyst.workflow;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the record keeps of a cycle when it starts: its id and mode, the limits and settings it runs under, and the
 * session time it runs at. {@code configuration} is the JSON of the funnel, scanner and risk settings.
 */
public record CycleStart(String cycleId, TradingMode mode, int maxPositions, BigDecimal maxDailyLoss, double sizeMultiplier,
                         BigDecimal riskLevel, long scanFrequencySeconds, Instant sessionTime, String configuration) {
}
