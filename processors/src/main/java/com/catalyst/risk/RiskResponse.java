package com.catalyst.risk;

import java.util.List;

/** One decision a proposal, in the proposals' order, and the portfolio they were judged against. */
public record RiskResponse(String cycleId, Portfolio portfolio, List<RiskDecision> decisions) {
}
