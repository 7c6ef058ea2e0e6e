package com.catalyst.risk;

import java.util.List;

/** The proposals of one cycle, evaluated in order against one portfolio; {@code sizeMultiplier} is the mode's. */
public record RiskRequest(String cycleId, double sizeMultiplier, List<TradeProposal> proposals) {
}
