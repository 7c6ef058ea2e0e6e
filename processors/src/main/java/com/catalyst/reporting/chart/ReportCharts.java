package com.catalyst.reporting.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.market.MarketDataPort;
import com.catalyst.reporting.ClosedTrade;
import com.catalyst.reporting.PerformanceReport;

/**
 * The session charts of a one-day report: a chart a symbol traded that day (at most {@code maxSymbols}, in the order
 * of their first trade), with the day's bars and each closed trade's entry and exit. The report holds no pattern bar
 * times, so these charts have no pattern band; MCP's get_chart shows the latest pattern.
 */
public final class ReportCharts {

    private ReportCharts() {
    }

    public static List<CandleChart> of(PerformanceReport report, MarketDataPort market, Instant upTo, int maxSymbols) {
        if (!report.from().equals(report.to())) {
            return List.of();
        }
        Map<String, List<CandleChart.TradeMark>> bySymbol = new LinkedHashMap<>();
        for (ClosedTrade t : report.trades()) {
            if (!bySymbol.containsKey(t.symbol()) && bySymbol.size() >= maxSymbols) {
                continue;
            }
            boolean isShort = "short".equalsIgnoreCase(t.side());
            List<CandleChart.TradeMark> marks = bySymbol.computeIfAbsent(t.symbol(), s -> new ArrayList<>());
            marks.add(new CandleChart.TradeMark(t.openedAt(), t.entryPrice().doubleValue(), isShort ? "sell" : "buy", true));
            marks.add(new CandleChart.TradeMark(t.closedAt(), t.exitPrice().doubleValue(), isShort ? "buy" : "sell", false));
        }
        List<CandleChart> charts = new ArrayList<>();
        bySymbol.forEach((symbol, marks) -> charts.add(new CandleChart(symbol, report.from(),
                market.intradayBars(symbol, report.from(), upTo), null, marks)));
        return charts;
    }
}
