package com.catalyst.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.catalyst.risk.Portfolio;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.PositionForExit;
import com.catalyst.trading.PositionMark;
import com.catalyst.trading.PositionSide;

/**
 * The run's record of positions, in memory: what the trading bundle writes to {@code positions} for a live fill and
 * what the risk bundle reads back. {@link BacktestOrders} hands it each fill once, as the order sync moves the record
 * live: an entry's fills open and grow a position with the intent's stop and target; an exit's (an exit order, a
 * bracket leg, a trailing stop) shrink and close it with realized P&L = (exit − entry) × shares − the fill's commission
 * (a short: entry − exit), rounded to the cent, as the trading bundle's SQL does. {@link #portfolio} computes the risk
 * manager's view as {@code RiskDesk} does from the record.
 */
public final class BacktestBook {

    private final BigDecimal startingCash;
    private final Map<Integer, Open> open = new LinkedHashMap<>();
    private final Map<String, Integer> openBySymbol = new HashMap<>();
    private BigDecimal realizedTotal = BigDecimal.ZERO;
    private final Map<LocalDate, BigDecimal> realizedByDay = new HashMap<>();
    private int nextPosition = 1;
    private int tradeNo;

    public BacktestBook(BigDecimal startingCash) {
        this.startingCash = startingCash;
    }

    /**
     * An entry's first fill opens a position at the fill's price and time, with the entry's stop and target; returns its
     * id (the trading bundle's {@code insert into positions} for a fill).
     */
    public int opened(OrderIntent entry, BrokerOrder.Fill fill, LocalDate session, long bar) {
        int id = nextPosition++;
        Open p = new Open(id, entry.symbol(), entry.patternType(), fill.quantity(), fill.price(), entry.stopLoss(), entry.takeProfit(),
                fill.at(), bar, session);
        p.isShort = entry.side() == OrderSide.SELL;
        open.put(id, p);
        openBySymbol.put(entry.symbol(), id);
        return id;
    }

    /** A later fill of the entry grows its position; the entry price becomes the average, rounded to 4 places as the record's. */
    public void grew(int positionId, BrokerOrder.Fill fill) {
        Open p = open.get(positionId);
        if (p == null) {
            return;
        }
        p.entryPrice = p.entryPrice.multiply(BigDecimal.valueOf(p.quantity)).add(fill.price().multiply(BigDecimal.valueOf(fill.quantity())))
                .divide(BigDecimal.valueOf(p.quantity + fill.quantity()), 4, RoundingMode.HALF_UP);
        p.quantity += fill.quantity();
    }

    /**
     * An exit's fill (an exit order's, a bracket leg's, a trailing stop's) against its position, as OrderSyncDesk moves
     * the record: a fill of fewer shares than are held shrinks the position and realizes its part, (price − entry) ×
     * shares − the fill's commission (a short: entry − price), rounded to the cent; the fill that takes the rest closes
     * it at its price and time with {@code reason}. Answers the round trip when it closed, else null.
     */
    public BacktestTrade reduced(int positionId, BrokerOrder.Fill fill, String reason, long bar) {
        Open p = open.get(positionId);
        if (p == null) {
            return null;
        }
        BigDecimal move = fill.price().subtract(p.entryPrice);
        if (p.quantity > fill.quantity()) {
            BigDecimal part = (p.isShort ? move.negate() : move).multiply(BigDecimal.valueOf(fill.quantity())).subtract(fill.commission())
                    .setScale(2, RoundingMode.HALF_UP);
            p.quantity -= fill.quantity();
            p.realized = p.realized.add(part);
            realize(p, part);
            return null;
        }
        open.remove(positionId);
        openBySymbol.remove(p.symbol);
        BigDecimal last = (p.isShort ? move.negate() : move).multiply(BigDecimal.valueOf(p.quantity)).subtract(fill.commission())
                .setScale(2, RoundingMode.HALF_UP);
        realize(p, last);
        return new BacktestTrade(++tradeNo, p.symbol, p.pattern, p.quantity, p.openedAt, p.bar, p.entryPrice, fill.at(), bar,
                fill.price(), reason, p.stop, p.target, fill.commission(), p.realized.add(last), p.isShort ? "short" : "long");
    }

    private void realize(Open p, BigDecimal pnl) {
        realizedTotal = realizedTotal.add(pnl);
        realizedByDay.merge(p.session, pnl, BigDecimal::add);
    }

    /** Whether the position is still open. */
    public boolean isOpen(int positionId) {
        return open.containsKey(positionId);
    }

    /** Sets each open position's unrealized P&L from the exit planner's marks. */
    public void mark(List<PositionMark> marks) {
        for (PositionMark mark : marks) {
            Open p = open.get(mark.positionId());
            if (p != null) {
                p.unrealized = mark.unrealizedPnl();
            }
        }
    }

    /**
     * The open positions as the exit planner reads them; whether the broker holds their exits and how many of their
     * exits failed is the order record's to say ({@link BacktestOrders#open()}).
     */
    public List<PositionForExit> open() {
        List<PositionForExit> positions = new ArrayList<>(open.size());
        for (Open p : open.values()) {
            positions.add(new PositionForExit(p.id, p.symbol, p.isShort ? PositionSide.SHORT : PositionSide.LONG, p.quantity, p.entryPrice,
                    p.stop, p.target, false, 0));
        }
        return positions;
    }

    public Integer openPosition(String symbol) {
        return openBySymbol.get(symbol);
    }

    public Set<String> openSymbols() {
        return new LinkedHashSet<>(openBySymbol.keySet());
    }

    public int openCount() {
        return open.size();
    }

    /** The risk manager's portfolio, computed as RiskDesk computes it from the record. */
    public Portfolio portfolio(LocalDate session) {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal shortExposure = BigDecimal.ZERO;
        for (Open p : open.values()) {
            BigDecimal positionCost = p.entryPrice.multiply(BigDecimal.valueOf(p.quantity));
            cost = cost.add(positionCost);
            unrealized = unrealized.add(p.unrealized);
            // a short's market value falls as it gains
            BigDecimal value = p.isShort ? positionCost.subtract(p.unrealized) : positionCost.add(p.unrealized);
            exposure = exposure.add(value);
            if (p.isShort) {
                shortExposure = shortExposure.add(value);
            }
        }
        BigDecimal equity = startingCash.add(realizedTotal).add(unrealized);
        BigDecimal cash = startingCash.add(realizedTotal).subtract(cost);
        return new Portfolio(equity, cash.max(BigDecimal.ZERO), open.size(), openSymbols(),
                realizedByDay.getOrDefault(session, BigDecimal.ZERO), exposure, shortExposure);
    }

    /** The open positions at the end of a run, for the report. */
    public List<com.catalyst.reporting.OpenPosition> openPositions() {
        return open.values().stream().map(p -> new com.catalyst.reporting.OpenPosition(p.symbol, p.pattern, p.quantity, p.entryPrice,
                p.unrealized)).toList();
    }

    /** The open positions at the end of a run, as the record would hold them. */
    public List<BacktestResult.Held> held() {
        return open.values().stream().map(p -> new BacktestResult.Held(p.symbol, p.isShort ? "short" : "long", p.quantity, p.openedAt,
                p.entryPrice)).toList();
    }

    private static final class Open {
        final int id;
        final String symbol;
        final String pattern;
        int quantity;
        BigDecimal entryPrice;
        final BigDecimal stop;
        final BigDecimal target;
        final Instant openedAt;
        final long bar;
        final LocalDate session;
        BigDecimal unrealized = BigDecimal.ZERO;
        boolean isShort;
        /** What the position's partial exits realized so far. */
        BigDecimal realized = BigDecimal.ZERO;

        Open(int id, String symbol, String pattern, int quantity, BigDecimal entryPrice, BigDecimal stop, BigDecimal target,
             Instant openedAt, long bar, LocalDate session) {
            this.id = id;
            this.symbol = symbol;
            this.pattern = pattern;
            this.quantity = quantity;
            this.entryPrice = entryPrice;
            this.stop = stop;
            this.target = target;
            this.openedAt = openedAt;
            this.bar = bar;
            this.session = session;
        }
    }
}
