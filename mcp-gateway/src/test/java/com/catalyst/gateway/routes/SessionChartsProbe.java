package com.catalyst.gateway.routes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A get_chart answer built from API replies as the bundles write them, for the tool-result tests in another package. */
public final class SessionChartsProbe {

    private SessionChartsProbe() {
    }

    public static Map<String, Object> chartOfThreeBars() {
        List<Map<String, Object>> bars = List.of(
                Map.of("time", "2026-03-02T14:31:00Z", "open", 100, "high", 101, "low", 99.5, "close", 100.5, "volume", 1000),
                Map.of("time", "2026-03-02T14:32:00Z", "open", 100.5, "high", 102, "low", 100, "close", 101.5, "volume", 1200),
                Map.of("time", "2026-03-02T14:33:00Z", "open", 101.5, "high", 101.6, "low", 100.2, "close", 100.4, "volume", 800));
        return new SessionCharts().chart("AAPL", LocalDate.of(2026, 3, 2), bars, null, List.of());
    }
}
