package com.catalyst.routing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.catalyst.workflow.CycleDesk;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.pattern.PatternLookup;
import com.catalyst.pattern.PatternReport;
import com.catalyst.technical.TechnicalSeries;
import com.catalyst.technical.TechnicalSeriesResponse;
import com.catalyst.workflow.TradingMode;
import org.springframework.stereotype.Component;

/**
 * Answers the per-symbol GETs of the technical and pattern bundles as of the session's current minute, and names
 * their Redis cache keys. Answers are computed at the minute's start, so every request within a minute gets the same
 * answer and the cache can hold it: bars only end on whole minutes.
 */
@Component("symbolQueries")
public class SymbolQueries {

    private final TradingClock clock;
    private final CycleDesk cycles;
    private final TechnicalSeries technical;
    private final PatternLookup patterns;

    public SymbolQueries(TradingClock clock, CycleDesk cycles, TechnicalSeries technical, PatternLookup patterns) {
        this.clock = clock;
        this.cycles = cycles;
        this.technical = technical;
        this.patterns = patterns;
    }

    /** The session's current minute, ISO-8601: the instant both the answer and its cache key are taken at. */
    public String minute() {
        return clock.now().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    public String technicalKey(String symbol, int window, String minute) {
        return "catalyst:api:technical:" + symbol + ":" + minute + ":" + window;
    }

    public String patternKey(String symbol, String minute) {
        return "catalyst:api:pattern:" + symbol + ":" + minute;
    }

    public TechnicalSeriesResponse technical(String symbol, int window, String minute) {
        TradingMode mode = TradingMode.of(cycles.mode());
        return technical.of(symbol, clock.sessionDate(), Instant.parse(minute), window, mode.rsiLow(), mode.rsiHigh());
    }

    public PatternReport patterns(String symbol, String minute) {
        return patterns.report(symbol, clock.sessionDate(), Instant.parse(minute));
    }
}
