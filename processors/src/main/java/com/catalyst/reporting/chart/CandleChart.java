package com.catalyst.reporting.chart;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.catalyst.market.Bar;

/**
 * What a symbol's session chart shows: its 1-minute bars so far (each stamped with its end), the latest pattern
 * found with the bars that form it (null when none), and the day's fills of entries and exits.
 */
public record CandleChart(String symbol, LocalDate session, List<Bar> bars, PatternMark pattern, List<TradeMark> trades) {

    public CandleChart {
        bars = List.copyOf(bars);
        trades = trades == null ? List.of() : List.copyOf(trades);
    }

    /** A pattern's name, direction and the ends of its first and last bar. */
    public record PatternMark(String type, String direction, Instant firstBar, Instant lastBar) {
    }

    /** One fill: when, at what price (USD), buy or sell, and whether it opened (entry) or closed (exit) a position. */
    public record TradeMark(Instant time, double price, String side, boolean entry) {
    }

    /** The index of the bar a moment falls in (a bar covers the minute that ends at its stamp), or -1 outside the bars. */
    public int barIndexAt(Instant time) {
        for (int i = 0; i < bars.size(); i++) {
            Instant end = bars.get(i).time();
            if (!time.isAfter(end) && time.isAfter(end.minusSeconds(60))) {
                return i;
            }
        }
        if (!bars.isEmpty() && time.isAfter(bars.get(bars.size() - 1).time())) {
            return -1;
        }
        // a fill stamped on a bar's boundary or in a gap belongs to the first bar that ends after it
        for (int i = 0; i < bars.size(); i++) {
            if (!bars.get(i).time().isBefore(time)) {
                return i;
            }
        }
        return -1;
    }
}
