package com.catalyst.market;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A symbol's session so far, from its 1-minute bars: the last price, the day's open, high, low and volume, and the
 * previous session's close with the change from it. Prices are doubles as the bars are; NaN where none exists yet.
 * {@code name} is the security master's company name: outside text, to be shown as data only.
 */
public record SessionSnapshot(String symbol, String name, LocalDate session, Instant asOf, double last, double open, double high,
                              double low, long volume, int bars, double previousClose, double change, double changePercent) {
}
