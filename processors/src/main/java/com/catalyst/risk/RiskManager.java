package com.catalyst.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The only way into trading. Sizes each proposal from its stop distance so that hitting the stop loses at most
 * risk-per-trade × equity, then applies the limits in order; a proposal that breaks one is rejected or cut to fit.
 * The limits: kill switch, trading window, minimum price, one position a symbol, open positions, risk budget,
 * position share of equity, total exposure share of equity and buying power.
 */
public final class RiskManager {

    private static final BigDecimal MAX_SHARES = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final RiskLimits limits;
    private final Supplier<SessionTime> session;

    public RiskManager(RiskLimits limits) {
        this(limits, SessionTime::midSession);
    }

    public RiskManager(RiskLimits limits, Supplier<SessionTime> session) {
        this.limits = limits;
        this.session = session;
    }

    public RiskLimits limits() {
        return limits;
    }

    public RiskResponse evaluate(RiskRequest request, Portfolio portfolio) {
        return evaluate(request, portfolio, session.get());
    }

    /** Judges the proposals in order; each approval uses up positions, buying power and exposure for the next. */
    public RiskResponse evaluate(RiskRequest request, Portfolio portfolio, SessionTime time) {
        List<RiskDecision> decisions = new ArrayList<>();
        Book book = new Book(portfolio);
        for (TradeProposal proposal : request.proposals()) {
            RiskDecision decision = decide(proposal, portfolio, book, time, request.sizeMultiplier());
            decisions.add(decision);
            if (decision.tradeable()) {
                book.take(decision);
            }
        }
        return new RiskResponse(request.cycleId(), portfolio, decisions);
    }

    /** The kill switch: today's realized loss reached the maximum daily loss, so no entry passes until tomorrow. */
    public boolean killSwitchTripped(Portfolio portfolio) {
        return portfolio.realizedPnlToday().compareTo(limits.maxDailyLoss().negate()) <= 0;
    }

    RiskDecision decide(TradeProposal p, Portfolio portfolio, int open, Set<String> held, BigDecimal buyingPower, double multiplier) {
        return decide(p, portfolio, new Book(open, held, buyingPower, portfolio.exposure()), session.get(), multiplier);
    }

    private RiskDecision decide(TradeProposal p, Portfolio portfolio, Book book, SessionTime time, double multiplier) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("equity", portfolio.equity());
        numbers.put("buying_power", book.buyingPower);
        numbers.put("open_positions", book.open);
        numbers.put("exposure", book.exposure);
        numbers.put("realized_pnl_today", portfolio.realizedPnlToday());
        numbers.put("minutes_since_open", time.minutesSinceOpen());
        numbers.put("minutes_to_close", time.minutesToClose());
        String refusal = refusal(p, portfolio, book, time);
        if (refusal != null) {
            return reject(p, null, null, 0, refusal, numbers);
        }
        return size(p, portfolio, book, multiplier, numbers);
    }

    /** The limits that refuse an entry outright, whatever its size; null when none does. */
    private String refusal(TradeProposal p, Portfolio portfolio, Book book, SessionTime time) {
        BigDecimal entry = p.entryPrice();
        if (!"long".equals(p.side())) {
            return "only long entries are supported; got side '" + p.side() + "'";
        }
        if (entry == null || entry.signum() <= 0) {
            return "entry price must be positive";
        }
        if (p.quantity() != null && p.quantity() <= 0) {
            return "quantity must be positive, got " + p.quantity();
        }
        if (p.stopPrice() != null && (p.stopPrice().signum() <= 0 || p.stopPrice().compareTo(entry) >= 0)) {
            return "stop price " + p.stopPrice() + " must be positive and below the entry " + entry;
        }
        if (killSwitchTripped(portfolio)) {
            return "kill switch: realized P&L today " + portfolio.realizedPnlToday() + " has reached the maximum daily loss "
                    + limits.maxDailyLoss() + "; no new entries today";
        }
        if (!time.marketOpen()) {
            return "trading window: the market is closed; no entries";
        }
        if (time.minutesSinceOpen() < limits.noEntryFirstMinutes()) {
            return "trading window: no entries in the first " + limits.noEntryFirstMinutes() + " minutes of the session ("
                    + time.minutesSinceOpen() + " since the open)";
        }
        if (time.minutesToClose() < limits.noEntryLastMinutes()) {
            return "trading window: no entries in the last " + limits.noEntryLastMinutes() + " minutes of the session ("
                    + time.minutesToClose() + " to the close)";
        }
        if (entry.compareTo(limits.minPrice()) < 0) {
            return "price " + entry + " is below the minimum price " + limits.minPrice();
        }
        if (book.held.contains(p.symbol())) {
            return "a position in " + p.symbol() + " is already open (or an entry order for it is working)";
        }
        if (book.open >= limits.maxOpenPositions()) {
            return "open positions " + book.open + " reached the maximum " + limits.maxOpenPositions()
                    + " (working entry orders count as open); close a position or cancel an order first";
        }
        return null;
    }

    /** Sizes from the risk budget (or takes the trader's quantity), then cuts to every value limit in turn. */
    private RiskDecision size(TradeProposal p, Portfolio portfolio, Book book, double multiplier, Map<String, Object> numbers) {
        BigDecimal entry = p.entryPrice();
        BigDecimal stop = p.stopPrice() != null ? p.stopPrice() : atrStop(entry, p.atr());
        BigDecimal stopDistance = entry.subtract(stop);
        BigDecimal target = entry.add(stopDistance.multiply(BigDecimal.valueOf(limits.rewardToRisk()))).setScale(2, RoundingMode.UP);
        BigDecimal equity = portfolio.equity();
        BigDecimal riskBudget = equity.multiply(limits.riskPerTrade()).multiply(BigDecimal.valueOf(multiplier));
        BigDecimal positionCap = equity.multiply(limits.maxPositionShare());
        BigDecimal exposureCap = equity.multiply(limits.maxTotalExposureShare());
        numbers.put("stop_distance", stopDistance);
        if (Double.isFinite(p.atr()) && p.atr() > 0) {
            numbers.put("atr", p.atr()); // a trailing-atr exit trails by it (ExitSettings)
        }
        numbers.put("risk_budget", riskBudget.setScale(2, RoundingMode.HALF_UP));
        numbers.put("position_value_limit", positionCap.setScale(2, RoundingMode.HALF_UP));
        numbers.put("exposure_limit", exposureCap.setScale(2, RoundingMode.HALF_UP));

        int byRisk = shares(riskBudget, stopDistance);
        int requested = p.quantity() != null ? p.quantity() : byRisk;
        int quantity = requested;
        List<String> cuts = new ArrayList<>();
        if (quantity > byRisk) {
            quantity = byRisk;
            cuts.add("risk to the stop capped at the risk budget " + riskBudget.setScale(2, RoundingMode.HALF_UP));
        }
        int byShare = shares(positionCap, entry);
        if (quantity > byShare) {
            quantity = byShare;
            cuts.add("position value capped at " + percent(limits.maxPositionShare()) + "% of equity");
        }
        int byExposure = shares(exposureCap.subtract(book.exposure), entry);
        if (quantity > byExposure) {
            quantity = byExposure;
            cuts.add("total exposure capped at " + percent(limits.maxTotalExposureShare()) + "% of equity (open " + book.exposure + ")");
        }
        int byBuyingPower = shares(book.buyingPower, entry);
        if (quantity > byBuyingPower) {
            quantity = byBuyingPower;
            cuts.add("capped by buying power " + book.buyingPower.setScale(2, RoundingMode.HALF_UP));
        }
        if (quantity < 1) {
            String why = cuts.isEmpty() ? "risk budget " + riskBudget.setScale(2, RoundingMode.HALF_UP) + " buys less than one share at stop distance "
                    + stopDistance : String.join("; ", cuts) + " leaves less than one share";
            return reject(p, stop, target, requested, why, numbers);
        }
        BigDecimal risk = stopDistance.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        String verdict = cuts.isEmpty() ? "approved" : "resized";
        String reason = cuts.isEmpty() ? "within limits: risks " + risk + " to the stop" : String.join("; ", cuts);
        return new RiskDecision(p.symbol(), p.side(), verdict, requested, quantity, entry, stop, target, risk, p.patternType(), reason, numbers);
    }

    /** The stop at the ATR multiple below the entry, clamped to 1–5 % of the entry, rounded down to the cent. */
    private BigDecimal atrStop(BigDecimal entry, double atr) {
        double e = entry.doubleValue();
        double distance = Math.max(e * RiskLimits.MIN_STOP_SHARE,
                Math.min(e * RiskLimits.MAX_STOP_SHARE, limits.stopAtrMultiple() * (Double.isFinite(atr) ? atr : 0)));
        BigDecimal stop = entry.subtract(BigDecimal.valueOf(distance)).setScale(2, RoundingMode.DOWN);
        // a sub-cent entry rounds its stop to zero or below: keep a stop strictly between zero and the entry
        return stop.signum() > 0 ? stop : entry.divide(BigDecimal.valueOf(2), 8, RoundingMode.DOWN);
    }

    /** Whole shares that {@code amount} buys at {@code price}: never negative, never past an int. */
    private static int shares(BigDecimal amount, BigDecimal price) {
        if (amount.signum() <= 0 || price.signum() <= 0) {
            return 0;
        }
        return amount.divide(price, 0, RoundingMode.DOWN).min(MAX_SHARES).intValue();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static RiskDecision reject(TradeProposal p, BigDecimal stop, BigDecimal target, int requested, String reason, Map<String, Object> numbers) {
        return new RiskDecision(p.symbol(), p.side(), "rejected", requested, 0, p.entryPrice(), stop, target, BigDecimal.ZERO,
                p.patternType(), reason, numbers);
    }

    /** What the decisions so far have used up: open positions, held symbols, buying power and exposure. */
    private static final class Book {
        int open;
        final Set<String> held;
        BigDecimal buyingPower;
        BigDecimal exposure;

        Book(Portfolio portfolio) {
            this(portfolio.openPositions(), portfolio.openSymbols(), portfolio.buyingPower(), portfolio.exposure());
        }

        Book(int open, Set<String> held, BigDecimal buyingPower, BigDecimal exposure) {
            this.open = open;
            this.held = new HashSet<>(held);
            this.buyingPower = buyingPower;
            this.exposure = exposure == null ? BigDecimal.ZERO : exposure;
        }

        void take(RiskDecision decision) {
            BigDecimal cost = decision.entryPrice().multiply(BigDecimal.valueOf(decision.approvedQuantity()));
            open++;
            held.add(decision.symbol());
            buyingPower = buyingPower.subtract(cost);
            exposure = exposure.add(cost);
        }
    }
}
