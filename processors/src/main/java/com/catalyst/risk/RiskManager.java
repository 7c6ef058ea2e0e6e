package com.catalyst.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only way into trading. Sizes each proposal from its stop distance so that hitting the stop loses at most
 * risk-per-trade × equity, then applies the limits in order; a proposal that breaks one is rejected or cut to fit.
 */
public final class RiskManager {

    private final RiskLimits limits;

    public RiskManager(RiskLimits limits) {
        this.limits = limits;
    }

    public RiskResponse evaluate(RiskRequest request, Portfolio portfolio) {
        List<RiskDecision> decisions = new ArrayList<>();
        int open = portfolio.openPositions();
        Set<String> held = new HashSet<>(portfolio.openSymbols());
        BigDecimal buyingPower = portfolio.buyingPower();
        for (TradeProposal proposal : request.proposals()) {
            RiskDecision decision = decide(proposal, portfolio, open, held, buyingPower, request.sizeMultiplier());
            decisions.add(decision);
            if (decision.tradeable()) {
                open++;
                held.add(proposal.symbol());
                buyingPower = buyingPower.subtract(decision.entryPrice().multiply(BigDecimal.valueOf(decision.approvedQuantity())));
            }
        }
        return new RiskResponse(request.cycleId(), portfolio, decisions);
    }

    RiskDecision decide(TradeProposal p, Portfolio portfolio, int open, Set<String> held, BigDecimal buyingPower, double multiplier) {
        BigDecimal entry = p.entryPrice();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("equity", portfolio.equity());
        numbers.put("buying_power", buyingPower);
        numbers.put("open_positions", open);
        numbers.put("realized_pnl_today", portfolio.realizedPnlToday());
        if (!"long".equals(p.side())) {
            return reject(p, null, null, 0, "only long entries are supported; got side '" + p.side() + "'", numbers);
        }
        if (entry == null || entry.signum() <= 0) {
            return reject(p, null, null, 0, "entry price must be positive", numbers);
        }
        if (portfolio.realizedPnlToday().compareTo(limits.maxDailyLoss().negate()) <= 0) {
            return reject(p, null, null, 0, "kill switch: realized P&L today " + portfolio.realizedPnlToday()
                    + " has reached the maximum daily loss " + limits.maxDailyLoss() + "; no new entries today", numbers);
        }
        if (entry.compareTo(limits.minPrice()) < 0) {
            return reject(p, null, null, 0, "price " + entry + " is below the minimum price " + limits.minPrice(), numbers);
        }
        if (held.contains(p.symbol())) {
            return reject(p, null, null, 0, "a position in " + p.symbol() + " is already open", numbers);
        }
        if (open >= limits.maxOpenPositions()) {
            return reject(p, null, null, 0, "open positions " + open + " reached the maximum " + limits.maxOpenPositions(), numbers);
        }

        double e = entry.doubleValue();
        double distance = Math.max(minStop(e), Math.min(maxStop(e), limits.stopAtrMultiple() * (Double.isFinite(p.atr()) ? p.atr() : 0)));
        BigDecimal stop = entry.subtract(BigDecimal.valueOf(distance)).setScale(2, RoundingMode.DOWN);
        BigDecimal stopDistance = entry.subtract(stop);
        BigDecimal target = entry.add(stopDistance.multiply(BigDecimal.valueOf(limits.rewardToRisk()))).setScale(2, RoundingMode.UP);
        BigDecimal riskBudget = portfolio.equity().multiply(limits.riskPerTrade()).multiply(BigDecimal.valueOf(multiplier));
        int requested = riskBudget.divide(stopDistance, 0, RoundingMode.DOWN).intValue();
        numbers.put("stop_distance", stopDistance);
        numbers.put("risk_budget", riskBudget.setScale(2, RoundingMode.HALF_UP));
        int quantity = requested;
        List<String> cuts = new ArrayList<>();

        int byShare = portfolio.equity().multiply(limits.maxPositionShare()).divide(entry, 0, RoundingMode.DOWN).intValue();
        if (quantity > byShare) {
            quantity = byShare;
            cuts.add("position value capped at " + limits.maxPositionShare().movePointRight(2).stripTrailingZeros().toPlainString() + "% of equity");
        }
        int byBuyingPower = buyingPower.signum() <= 0 ? 0 : buyingPower.divide(entry, 0, RoundingMode.DOWN).intValue();
        if (quantity > byBuyingPower) {
            quantity = byBuyingPower;
            cuts.add("capped by buying power " + buyingPower.setScale(2, RoundingMode.HALF_UP));
        }
        if (quantity < 1) {
            String why = cuts.isEmpty() ? "risk budget " + riskBudget.setScale(2, RoundingMode.HALF_UP) + " buys less than one share at stop distance " + stopDistance
                    : String.join("; ", cuts) + " leaves less than one share";
            return reject(p, stop, target, requested, why, numbers);
        }
        BigDecimal risk = stopDistance.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        String verdict = cuts.isEmpty() ? "approved" : "resized";
        String reason = cuts.isEmpty() ? "within limits: risks " + risk + " to the stop" : String.join("; ", cuts);
        return new RiskDecision(p.symbol(), p.side(), verdict, requested, quantity, entry, stop, target, risk, p.patternType(), reason, numbers);
    }

    private static double minStop(double entry) {
        return entry * RiskLimits.MIN_STOP_SHARE;
    }

    private static double maxStop(double entry) {
        return entry * RiskLimits.MAX_STOP_SHARE;
    }

    private static RiskDecision reject(TradeProposal p, BigDecimal stop, BigDecimal target, int requested, String reason, Map<String, Object> numbers) {
        return new RiskDecision(p.symbol(), p.side(), "rejected", requested, 0, p.entryPrice(), stop, target, BigDecimal.ZERO,
                p.patternType(), reason, numbers);
    }
}
