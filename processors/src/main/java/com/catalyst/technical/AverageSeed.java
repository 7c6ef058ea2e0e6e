package com.catalyst.technical;

/**
 * How an exponential average gets its first value.
 * <p>
 * The choice matters for about 10 x period bars: two averages seeded differently converge geometrically,
 * so a 1e-9 comparison is only meaningful against one pinned definition.
 */
public enum AverageSeed {

    /** The first input is the first average (ta4j 0.17, its spreadsheets, most charting libraries' EMA). */
    FIRST_VALUE,

    /** The simple mean of the first {@code period} inputs (Wilder's book, StockCharts' worked examples). */
    SIMPLE_AVERAGE
}
