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

/**
 * The run's record of positions, in memory: what the trading bundle writes to {@code positions} for a live fill and
 * what the risk bundle reads back. Entries open a position at the fill price with the intent's stop and target; exits
 * close it with realized P&L = (exit − entry) × quantity − the exit's commission (a short: entry − exit), rounded to the
 * cent, as the trading route's SQL does. {@link #portfolio} computes the risk manager's view as {@code RiskDesk} does from the record.
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

    /** Records an entry's fill; returns the new position id. */
    public int opened(OrderIntent intent, BrokerOrder fill, LocalDate session, long bar) {
        int id = nextPosition++;
        Open p = new Open(id, intent.symbol(), intent.patternType(), fill.filledQuantity(), fill.filledAveragePrice(),
                intent.stopLoss(), intent.takeProfit(), fill.filledAt(), bar, session);
        p.isShort = "sell".equals(intent.side());
        // a trailing exit starts its mark at the fill, as the broker's trailing stop starts at the price it is placed at
        // (a long's high-water mark, a short's low-water mark)
        p.trail = intent.trail();
        p.mark = fill.filledAveragePrice();
        open.put(id, p);
        openBySymbol.put(intent.symbol(), id);
        return id;
    }

    /** Records an exit's fill against its position; returns the round trip. */
    public BacktestTrade closed(OrderIntent intent, BrokerOrder fill, long bar) {
        Open p = open.remove(intent.positionId());
        if (p == null) {
            throw new IllegalStateException("exit " + intent.clientOrderId() + " closes position " + intent.positionId() + ", which is not open");
        }
        openBySymbol.remove(p.symbol);
        BigDecimal move = fill.filledAveragePrice().subtract(p.entryPrice);
        BigDecimal pnl = (p.isShort ? move.negate() : move).multiply(BigDecimal.valueOf(p.quantity))
                .subtract(fill.commission()).setScale(2, RoundingMode.HALF_UP);
        realizedTotal = realizedTotal.add(pnl);
        realizedByDay.merge(p.session, pnl, BigDecimal::add);
        return new BacktestTrade(++tradeNo, p.symbol, p.pattern, p.quantity, p.openedAt, p.bar, p.entryPrice, fill.filledAt(), bar,
                fill.filledAveragePrice(), intent.closeReason(), p.stop, p.target, fill.commission(), pnl, p.isShort ? "short" : "long");
    }

    /**
     * A bar of {@code symbol} ended: an open position with a trailing exit moves its mark, a long's high-water mark up to
     * the bar's high, a short's low-water mark down to the bar's low.
     */
    public void onBar(String symbol, double high, double low) {
        Integer id = openBySymbol.get(symbol);
        Open p = id == null ? null : open.get(id);
        if (p == null || p.trail == null) {
            return;
        }
        double reached = p.isShort ? low : high;
        if (Double.isFinite(reached)) {
            BigDecimal bar = BigDecimal.valueOf(reached);
            if (p.isShort ? bar.compareTo(p.mark) < 0 : bar.compareTo(p.mark) > 0) {
                p.mark = bar;
            }
        }
    }

    /** Sets each open position's unrealized P&L from the exit planner's marks ({@code position_id}, {@code unrealized_pnl}). */
    public void mark(List<Map<String, Object>> marks) {
        for (Map<String, Object> row : marks) {
            Open p = open.get(((Number) row.get("position_id")).intValue());
            if (p != null) {
                p.unrealized = (BigDecimal) row.get("unrealized_pnl");
            }
        }
    }

    /** The open positions as the rows of {@code v_positions_current} the exit planner reads. */
    public List<Map<String, Object>> openRows() {
        List<Map<String, Object>> rows = new ArrayList<>(open.size());
        for (Open p : open.values()) {
            Map<String, Object> row = new HashMap<>();
            row.put("position_id", p.id);
            row.put("symbol", p.symbol);
            row.put("side", p.isShort ? "short" : "long");
            row.put("quantity", p.quantity);
            row.put("entry_price", p.entryPrice);
            row.put("stop_loss", p.stop);
            row.put("take_profit", p.target);
            if (p.trail != null) {
                row.put(p.isShort ? "low_water_mark" : "high_water_mark", p.mark);
                row.put("trail_percent", p.trail.percent());
                row.put("trail_price", p.trail.price());
            }
            rows.add(row);
        }
        return rows;
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

    private static final class Open {
        final int id;
        final String symbol;
        final String pattern;
        final int quantity;
        final BigDecimal entryPrice;
        final BigDecimal stop;
        final BigDecimal target;
        final Instant openedAt;
        final long bar;
        final LocalDate session;
        BigDecimal unrealized = BigDecimal.ZERO;
        boolean isShort;
        com.catalyst.trading.Trail trail;
        /** A trailing exit's mark: the highest price since the entry for a long, the lowest for a short. */
        BigDecimal mark;

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
