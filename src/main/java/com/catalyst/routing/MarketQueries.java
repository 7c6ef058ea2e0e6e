package com.catalyst.routing;

import java.time.LocalDate;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.SessionSnapshot;
import com.catalyst.market.SessionSnapshots;
import com.catalyst.market.clock.MarketHours;
import com.catalyst.market.clock.TradingClock;
import org.springframework.stereotype.Component;

/**
 * The trader's market GETs: a symbol's quote and snapshot, its bars of the session (technical bundle), and the
 * market clock and calendar (workflow bundle), as of the trading clock's now. An unknown ticker is a 404 naming it.
 */
@Component("marketQueries")
public class MarketQueries {

    private final SessionSnapshots snapshots;
    private final TradingClock clock;

    public MarketQueries(MarketDataPort market, TradingClock clock) {
        this.snapshots = new SessionSnapshots(market);
        this.clock = clock;
    }

    public SessionSnapshot quote(String symbol) {
        try {
            return snapshots.snapshot(symbol, clock.sessionDate(), clock.now());
        } catch (SessionSnapshots.UnknownSymbolException e) {
            throw new ErrorBodies.NotFoundException(e.getMessage());
        }
    }

    public List<Bar> bars(String symbol, int limit) {
        try {
            return snapshots.bars(symbol, clock.sessionDate(), clock.now(), limit);
        } catch (SessionSnapshots.UnknownSymbolException e) {
            throw new ErrorBodies.NotFoundException(e.getMessage());
        }
    }

    public MarketHours clock() {
        return MarketHours.of(clock);
    }

    /** {@code days} trading days from {@code from} (YYYY-MM-DD; today's session when absent). */
    public List<MarketHours.Day> calendar(String from, int days) {
        LocalDate start;
        try {
            start = from == null || from.isBlank() ? clock.sessionDate() : LocalDate.parse(from.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'from' must be a date as YYYY-MM-DD, got '" + from + "'");
        }
        return MarketHours.calendar(clock, start, days);
    }
}
