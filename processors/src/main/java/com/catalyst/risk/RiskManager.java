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

import com.catalyst.trading.PositionSide;

/**
 * The only way into trading. Sizes each proposal from its stop distance so that hitting the stop loses at most
 * risk-per-trade × equity, then applies the limits in order; a proposal that breaks one is rejected or cut to fit.
 * The limits: kill switch, trading window, minimum price, one position a symbol, open positions, risk budget,
 * position share of equity, total exposure share of equity, for a short its own position and exposure shares, and buying
 * power. A short (side {@code short}, only when allowed) is the mirror image: stop above the entry, target below.
 */
public final class RiskManager {

    private static final BigDecimal MAX_SHARES = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final RiskLimits limits;
    private final Supplier<SessionTime> session;
    private final boolean allowShort;

    public RiskManager(RiskLimits limits) {
        this(limits, SessionTime::midSession);
    }

    /** Long entries only (shorts are off by default: {@code catalyst.trading.allow-short}). */
    public RiskManager(RiskLimits limits, Supplier<SessionTime> session) {
        this(limits, session, false);
    }

    /** With {@code allowShort}, short entries are judged too, under the short limits as well as every other. */
    public RiskManager(RiskLimits limits, Supplier<SessionTime> session, boolean allowShort) {
        this.limits = limits;
        this.session = session;
        this.allowShort = allowShort;
    }

    public boolean allowShort() {
        return allowShort;
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
        return decide(p, portfolio, new Book(open, held, buyingPower, portfolio.exposure(), portfolio.shortExposure()), session.get(), multiplier);
    }

    private RiskDecision decide(TradeProposal p, Portfolio portfolio, Book book, SessionTime time, double multiplier) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("equity", portfolio.equity());
        numbers.put("buying_power", book.buyingPower);
        numbers.put("open_positions", book.open);
        numbers.put("exposure", book.exposure);
        if (isShort(p)) {
            numbers.put("short_exposure", book.shortExposure);
        }
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
        if (isShort(p) && !allowShort) {
            return "short entries are off (catalyst.trading.allow-short, CATALYST_TRADING_ALLOW_SHORT); got side 'short'";
        }
        if (!"long".equals(p.side()) && !isShort(p)) {
            return "side must be long or short; got side '" + p.side() + "'";
        }
        if (entry == null || entry.signum() <= 0) {
            return "entry price must be positive";
        }
        if (p.quantity() != null && p.quantity() <= 0) {
            return "quantity must be positive, got " + p.quantity();
        }
        if (!isShort(p) && p.stopPrice() != null && (p.stopPrice().signum() <= 0 || p.stopPrice().compareTo(entry) >= 0)) {
            return "stop price " + p.stopPrice() + " must be positive and below the entry " + entry;
        }
        if (isShort(p) && p.stopPrice() != null && p.stopPrice().compareTo(entry) <= 0) {
            return "a short's stop price " + p.stopPrice() + " must be above the entry " + entry;
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
        if (isShort(p) && limits.maxShortExposureShare().signum() == 0) {
            return "short exposure limit is 0 (max_short_exposure_share): no short entries";
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
        boolean shortEntry = isShort(p);
        BigDecimal stop = p.stopPrice() != null ? p.stopPrice() : shortEntry ? atrStopAbove(entry, p.atr()) : atrStop(entry, p.atr());
        // a short's stop is above its entry and its target below: the same distances, mirrored
        BigDecimal stopDistance = entry.subtract(stop).abs();
        BigDecimal reward = stopDistance.multiply(BigDecimal.valueOf(limits.rewardToRisk()));
        BigDecimal target = shortEntry ? entry.subtract(reward).setScale(2, RoundingMode.DOWN)
                : entry.add(reward).setScale(2, RoundingMode.UP);
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

        if (shortEntry && target.signum() <= 0) {
            return reject(p, stop, target, p.quantity() == null ? 0 : p.quantity(), "a short's target " + target + " ("
                    + limits.rewardToRisk() + " stop distances below the entry) is not above zero: the stop is too far", numbers);
        }
        BigDecimal shortPositionCap = equity.multiply(limits.maxShortPositionShare());
        BigDecimal shortExposureCap = equity.multiply(limits.maxShortExposureShare());
        if (shortEntry) {
            numbers.put("short_position_value_limit", shortPositionCap.setScale(2, RoundingMode.HALF_UP));
            numbers.put("short_exposure_limit", shortExposureCap.setScale(2, RoundingMode.HALF_UP));
        }

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
        if (shortEntry) {
            int byShortShare = shares(shortPositionCap, entry);
            if (quantity > byShortShare) {
                quantity = byShortShare;
                cuts.add("short position value capped at " + percent(limits.maxShortPositionShare()) + "% of equity");
            }
            int byShortExposure = shares(shortExposureCap.subtract(book.shortExposure), entry);
            if (quantity > byShortExposure) {
                quantity = byShortExposure;
                cuts.add("short exposure capped at " + percent(limits.maxShortExposureShare()) + "% of equity (open shorts "
                        + book.shortExposure + ")");
            }
        }
        // a short's margin takes buying power as a long's cost does
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
        Verdict verdict = cuts.isEmpty() ? Verdict.APPROVED : Verdict.RESIZED;
        String reason = cuts.isEmpty() ? "within limits: risks " + risk + " to the stop" : String.join("; ", cuts);
        return new RiskDecision(p.symbol(), decisionSide(p), verdict, requested, quantity, entry, stop, target, risk, p.patternType(), reason,
                numbers);
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

    /** A short's stop: the same distance above the entry, rounded up to the cent. */
    private BigDecimal atrStopAbove(BigDecimal entry, double atr) {
        double e = entry.doubleValue();
        double distance = Math.max(e * RiskLimits.MIN_STOP_SHARE,
                Math.min(e * RiskLimits.MAX_STOP_SHARE, limits.stopAtrMultiple() * (Double.isFinite(atr) ? atr : 0)));
        BigDecimal stop = entry.add(BigDecimal.valueOf(distance)).setScale(2, RoundingMode.UP);
        return stop.compareTo(entry) > 0 ? stop : entry.add(new BigDecimal("0.01"));
    }

    static boolean isShort(TradeProposal p) {
        return "short".equals(p.side());
    }

    /** The decision's side: the proposal's, long or short; null for any other, which the decision rejects (refusal). */
    private static PositionSide decisionSide(TradeProposal p) {
        return isShort(p) ? PositionSide.SHORT : "long".equals(p.side()) ? PositionSide.LONG : null;
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
        return new RiskDecision(p.symbol(), decisionSide(p), Verdict.REJECTED, requested, 0, p.entryPrice(), stop, target, BigDecimal.ZERO,
                p.patternType(), reason, numbers);
    }

    /** What the decisions so far have used up: open positions, held symbols, buying power and exposure. */
    private static final class Book {
        int open;
        final Set<String> held;
        BigDecimal buyingPower;
        BigDecimal exposure;
        BigDecimal shortExposure;

        Book(Portfolio portfolio) {
            this(portfolio.openPositions(), portfolio.openSymbols(), portfolio.buyingPower(), portfolio.exposure(), portfolio.shortExposure());
        }

        Book(int open, Set<String> held, BigDecimal buyingPower, BigDecimal exposure, BigDecimal shortExposure) {
            this.open = open;
            this.held = new HashSet<>(held);
            this.buyingPower = buyingPower;
            this.exposure = exposure == null ? BigDecimal.ZERO : exposure;
            this.shortExposure = shortExposure == null ? BigDecimal.ZERO : shortExposure;
        }

        void take(RiskDecision decision) {
            BigDecimal cost = decision.entryPrice().multiply(BigDecimal.valueOf(decision.approvedQuantity()));
            open++;
            held.add(decision.symbol());
            buyingPower = buyingPower.subtract(cost);
            exposure = exposure.add(cost);
            if (decision.side() == PositionSide.SHORT) {
                shortExposure = shortExposure.add(cost);
            }
        }
    }
}
