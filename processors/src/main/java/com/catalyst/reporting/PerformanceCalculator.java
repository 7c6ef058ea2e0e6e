package com.catalyst.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Computes a period's performance from its closed trades and the positions open at its end. Plain Java: the route
 * reads the rows from PostgreSQL and hands them over. Definitions of every figure: docs/reporting.md.
 */
public class PerformanceCalculator {

    /** Sessions and day boundaries are those of the exchange. */
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");

    private final BigDecimal capital;

    /** @param capital the account's starting capital, the base of the daily returns behind Sharpe and Sortino */
    public PerformanceCalculator(BigDecimal capital) {
        if (capital.signum() <= 0) {
            throw new IllegalArgumentException("capital must be positive, got " + capital);
        }
        this.capital = capital;
    }

    public PerformanceReport calculate(String scope, LocalDate from, LocalDate to, List<ClosedTrade> closed, List<OpenPosition> open) {
        return calculate(scope, from, to, closed, open, Integer.MAX_VALUE);
    }

    /**
     * As above, listing at most {@code maxListed} trades and equity points: a year of trades would make a report of
     * megabytes. Past the limit the trades are left out and the curve keeps every n-th point (the last one always);
     * every figure is still computed over all the trades.
     */
    public PerformanceReport calculate(String scope, LocalDate from, LocalDate to, List<ClosedTrade> closed, List<OpenPosition> open,
                                       int maxListed) {
        // the drawdown is path dependent: sort here rather than trust the caller's order
        List<ClosedTrade> trades = closed.stream()
                .sorted(Comparator.comparing(ClosedTrade::closedAt).thenComparingLong(ClosedTrade::positionId))
                .toList();
        List<BigDecimal> winning = trades.stream().filter(ClosedTrade::isWin).map(ClosedTrade::realizedPnl).toList();
        List<BigDecimal> losing = trades.stream().filter(ClosedTrade::isLoss).map(ClosedTrade::realizedPnl).toList();
        BigDecimal grossProfit = sum(winning);
        BigDecimal grossLoss = sum(losing);
        BigDecimal realized = grossProfit.add(grossLoss);
        EquityCurve curve = new EquityCurve(trades);
        DailyRatios ratios = new DailyRatios(trades, capital, EXCHANGE_ZONE);
        return new PerformanceReport(scope, from, to,
                trades.size(), winning.size(), losing.size(),
                realized,
                sum(open.stream().map(OpenPosition::unrealizedPnl).toList()),
                trades.isEmpty() ? 0.0 : (double) winning.size() / trades.size(),
                average(grossProfit, winning.size()),
                average(grossLoss, losing.size()),
                profitFactor(grossProfit, grossLoss),
                average(realized, trades.size()),
                curve.maxDrawdown(),
                ratios.days(), ratios.sharpe(), ratios.sortino(),
                open.size(),
                sum(open.stream().map(OpenPosition::exposure).toList()),
                Breakdowns.by(trades, ClosedTrade::symbol),
                Breakdowns.by(trades, ClosedTrade::pattern),
                thinned(curve.points(), maxListed),
                trades.size() <= maxListed ? trades : List.of());
    }

    static List<EquityPoint> thinned(List<EquityPoint> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        int stride = (points.size() + max - 1) / max;
        List<EquityPoint> kept = new java.util.ArrayList<>(max + 1);
        for (int i = stride - 1; i < points.size(); i += stride) {
            kept.add(points.get(i));
        }
        // the curve must end where the period ended
        if (kept.get(kept.size() - 1) != points.get(points.size() - 1)) {
            kept.add(points.get(points.size() - 1));
        }
        return kept;
    }

    /** Gross profit over the magnitude of gross loss; 0 with no trades, null (unbounded) with wins and no loss. */
    static Double profitFactor(BigDecimal grossProfit, BigDecimal grossLoss) {
        if (grossLoss.signum() == 0) {
            return grossProfit.signum() == 0 ? 0.0 : null;
        }
        return grossProfit.doubleValue() / grossLoss.abs().doubleValue();
    }

    private static BigDecimal average(BigDecimal total, int count) {
        return count == 0 ? BigDecimal.ZERO.setScale(2) : total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
