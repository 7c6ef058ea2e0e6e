package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The account as the risk manager sees it, read from the record of positions before each decision;
 * {@code exposure} is the market value of the open positions, long and short ({@code shortExposure} the shorts' part);
 * {@link #withWorking} adds the entry orders still working.
 */
public record Portfolio(BigDecimal equity, BigDecimal buyingPower, int openPositions, Set<String> openSymbols,
                        BigDecimal realizedPnlToday, BigDecimal exposure, BigDecimal shortExposure) {

    public Portfolio {
        shortExposure = shortExposure == null ? BigDecimal.ZERO : shortExposure;
    }

    /** A portfolio without short positions. */
    public Portfolio(BigDecimal equity, BigDecimal buyingPower, int openPositions, Set<String> openSymbols, BigDecimal realizedPnlToday,
                     BigDecimal exposure) {
        this(equity, buyingPower, openPositions, openSymbols, realizedPnlToday, exposure, BigDecimal.ZERO);
    }

    /** A portfolio whose open positions carry no exposure figure (they count as zero). */
    public Portfolio(BigDecimal equity, BigDecimal buyingPower, int openPositions, Set<String> openSymbols, BigDecimal realizedPnlToday) {
        this(equity, buyingPower, openPositions, openSymbols, realizedPnlToday, BigDecimal.ZERO);
    }

    /**
     * This portfolio as if every working entry order filled: a symbol not yet held adds an open position, each
     * order's cost adds to the exposure and comes off the buying power. An order that may still fill uses up the
     * limits as a filled one does; otherwise orders sent one after another could each pass alone and together break them.
     */
    public Portfolio withWorking(List<WorkingOrder> working) {
        int open = openPositions;
        Set<String> symbols = new HashSet<>(openSymbols);
        BigDecimal exposed = exposure == null ? BigDecimal.ZERO : exposure;
        BigDecimal power = buyingPower;
        BigDecimal shorts = shortExposure;
        for (WorkingOrder order : working) {
            if (symbols.add(order.symbol())) {
                open++;
            }
            exposed = exposed.add(order.cost());
            power = power.subtract(order.cost());
            if (order.shortEntry()) {
                shorts = shorts.add(order.cost());
            }
        }
        return new Portfolio(equity, power.max(BigDecimal.ZERO), open, Set.copyOf(symbols), realizedPnlToday, exposed, shorts);
    }
}
