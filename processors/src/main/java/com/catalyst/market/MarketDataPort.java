package com.catalyst.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** Where bars come from: the simulated market, replayed CSV files or Alpaca, chosen by configuration. */
public interface MarketDataPort {

    /** The symbols the scanner may rank. */
    List<SecurityInfo> universe();

    /** Regular-session 1-minute bars of {@code date} whose end is at or before {@code upTo}, oldest first. */
    List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo);

    /** Up to {@code count} daily bars of the sessions before {@code date}, oldest first. */
    List<Bar> dailyBars(String symbol, LocalDate date, int count);

    /** Last traded price at {@code at}: the close of the latest bar, or NaN when the symbol has none yet. */
    default double lastPrice(String symbol, LocalDate date, Instant at) {
        List<Bar> bars = intradayBars(symbol, date, at);
        return bars.isEmpty() ? Double.NaN : bars.get(bars.size() - 1).close();
    }

    /**
     * Whether the market has, or can add to its universe, this symbol's bars: a fixed universe knows its own symbols; a
     * ranked one (Alpaca's) knows every asset it ranks from.
     */
    default boolean knows(String symbol) {
        return universe().stream().anyMatch(s -> s.symbol().equals(symbol));
    }

    /**
     * Symbols a ranked universe keeps whatever its ranking (the trader's watchlist), asked at each of its refreshes; a
     * fixed universe has nothing to add and ignores it.
     */
    default void keepInUniverse(Supplier<Collection<String>> symbols) {
    }

    /** What the securities master holds about a symbol. */
    record SecurityInfo(String symbol, String name, int sectorId, String exchange) {
    }
}
