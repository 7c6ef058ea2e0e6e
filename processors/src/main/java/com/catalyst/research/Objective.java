package com.catalyst.research;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a sweep ranks its trials by, higher is better: the reporting bundle's Sharpe, Sortino and profit factor, the
 * account's net P&amp;L, or the Calmar ratio (annualized return over the maximum drawdown). A figure that is not defined
 * for a trial (a Sharpe over fewer than 2 trading days) ranks below every defined one; a profit factor without a losing
 * trade (unbounded) above every finite one.
 */
public enum Objective {
    SHARPE("sharpe"), SORTINO("sortino"), PROFIT_FACTOR("profit_factor"), NET_PNL("net_pnl"), CALMAR("calmar");

    private final String id;

    Objective(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Objective of(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new SweepInputException("objective", "'objective' must be one of " + names() + ", got '" + id + "'"));
    }

    public static String names() {
        return Arrays.stream(values()).map(Objective::id).collect(Collectors.joining(", "));
    }

    /** The trial's value for ranking: undefined is −∞, an unbounded profit factor +∞. */
    public double rankValue(TrialFigures figures) {
        Double value = figures.objective(this);
        if (value == null) {
            return this == PROFIT_FACTOR && figures.trades() > 0 && figures.realizedPnl().signum() > 0
                    ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return value;
    }
}
