package com.catalyst.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-filled market for unit tests: per symbol, one session of minute bars and its previous daily bars. */
public final class FakeMarketData implements MarketDataPort {

    private final Map<String, List<Bar>> intraday = new LinkedHashMap<>();
    private final Map<String, List<Bar>> daily = new LinkedHashMap<>();
    private final LocalDate session;
    private int intradayCalls;

    public FakeMarketData(LocalDate session) {
        this.session = session;
    }

    /** Adds a symbol with its session's minute bars (oldest first) and its daily bars before the session (oldest first). */
    public FakeMarketData add(String symbol, List<Bar> minuteBars, List<Bar> dailyBars) {
        intraday.put(symbol, List.copyOf(minuteBars));
        daily.put(symbol, List.copyOf(dailyBars));
        return this;
    }

    public int intradayCalls() {
        return intradayCalls;
    }

    @Override
    public List<SecurityInfo> universe() {
        return intraday.keySet().stream().map(s -> new SecurityInfo(s, s + " Inc", 1, "TEST")).toList();
    }

    @Override
    public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
        intradayCalls++;
        if (!date.equals(session)) {
            return List.of();
        }
        List<Bar> result = new ArrayList<>();
        for (Bar bar : intraday.getOrDefault(symbol, List.of())) {
            if (!bar.time().isAfter(upTo)) {
                result.add(bar);
            }
        }
        return result;
    }

    @Override
    public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
        List<Bar> all = daily.getOrDefault(symbol, List.of());
        return all.subList(Math.max(0, all.size() - count), all.size());
    }
}
