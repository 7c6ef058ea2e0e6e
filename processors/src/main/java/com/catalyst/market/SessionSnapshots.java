package com.catalyst.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads a symbol's quote, snapshot and bars of the session from the market port, the same bars the pipeline reads,
 * so that what the trader asks for agrees with what the scanner and the indicators saw.
 */
public final class SessionSnapshots {

    private final MarketDataPort market;

    public SessionSnapshots(MarketDataPort market) {
        this.market = market;
    }

    public SessionSnapshot snapshot(String symbol, LocalDate session, Instant at) {
        List<Bar> bars = market.intradayBars(symbol, session, at);
        List<Bar> daily = market.dailyBars(symbol, session, 1);
        Optional<String> name = name(symbol);
        if (bars.isEmpty() && daily.isEmpty() && name.isEmpty()) {
            throw new UnknownSymbolException(symbol);
        }
        double previousClose = daily.isEmpty() ? Double.NaN : daily.get(daily.size() - 1).close();
        if (bars.isEmpty()) {
            return new SessionSnapshot(symbol, name.orElse(null), session, at, previousClose, Double.NaN, Double.NaN, Double.NaN, 0, 0,
                    previousClose, Double.NaN, Double.NaN);
        }
        Bar day = Bar.aggregate(bars);
        double change = day.close() - previousClose;
        return new SessionSnapshot(symbol, name.orElse(null), session, day.time(), day.close(), day.open(), day.high(), day.low(),
                day.volume(), bars.size(), previousClose, change, change / previousClose * 100);
    }

    /** The session's last {@code limit} 1-minute bars up to {@code at}, oldest first. */
    public List<Bar> bars(String symbol, LocalDate session, Instant at, int limit) {
        List<Bar> bars = market.intradayBars(symbol, session, at);
        if (bars.isEmpty() && name(symbol).isEmpty() && market.dailyBars(symbol, session, 1).isEmpty()) {
            throw new UnknownSymbolException(symbol);
        }
        return bars.size() <= limit ? bars : List.copyOf(bars.subList(bars.size() - limit, bars.size()));
    }

    private Optional<String> name(String symbol) {
        return market.universe().stream().filter(s -> s.symbol().equals(symbol)).map(MarketDataPort.SecurityInfo::name).findFirst();
    }

    /** The market knows nothing of the symbol: no bars, no daily history, not in the universe. */
    public static final class UnknownSymbolException extends RuntimeException {
        public UnknownSymbolException(String symbol) {
            super("No market data for " + symbol + ": it is not in the scanner's universe and has no bars; check the ticker.");
        }
    }
}
