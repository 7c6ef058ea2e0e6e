package com.catalyst.trading;

import java.util.List;

import com.catalyst.risk.RiskDecision;

/** The approved or resized decisions of one cycle: the trading bundle turns each into one entry order. */
public record TradeRequest(String cycleId, List<RiskDecision> decisions) {
}
