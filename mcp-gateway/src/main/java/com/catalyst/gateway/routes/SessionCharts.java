package com.catalyst.gateway.routes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.gateway.tools.ToolImage;
import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.reporting.chart.CandleChart;
import com.catalyst.reporting.chart.CandleChartPng;

/**
 * get_chart's data, read from what the bundles' APIs answered (bars, the pattern report, the recent orders), drawn by
 * {@link CandleChartPng}, and summarised beside the image so that a model without vision still learns what it shows.
 */
public class SessionCharts {

    /** The tool's answer: a summary and the PNG under {@link ToolImage#KEY}. */
    public Map<String, Object> chart(String symbol, LocalDate session, Object bars, Object patterns, Object orders) {
        List<Bar> series = bars(bars);
        CandleChart.PatternMark pattern = latestPattern(patterns);
        List<CandleChart.TradeMark> fills = fills(symbol, session, orders);
        CandleChart chart = new CandleChart(symbol, session, series, pattern, fills);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", symbol);
        out.put("session", session.toString());
        out.put("bars", series.size());
        out.put("pattern", pattern == null ? null : patternSummary(pattern));
        out.put("fills", fills.stream().map(SessionCharts::fillSummary).toList());
        if (!series.isEmpty()) {
            out.put("first_bar_end", series.get(0).time().toString());
            out.put("last_bar_end", series.get(series.size() - 1).time().toString());
            out.put("last", series.get(series.size() - 1).close());
        }
        out.put("legend", "candles teal up / red down; VWAP purple, EMA 9 orange, EMA 21 blue, SMA 20 grey; pattern bars shaded yellow; "
                + "entries cyan triangles, exits magenta triangles; prices in USD, times New York");
        out.put(ToolImage.KEY, ToolImage.png(CandleChartPng.png(chart)));
        return out;
    }

    static List<Bar> bars(Object reply) {
        List<Bar> out = new ArrayList<>();
        if (reply instanceof List<?> rows) {
            for (Object row : rows) {
                Map<?, ?> b = (Map<?, ?>) row;
                out.add(new Bar(instant(b.get("time")), number(b.get("open")), number(b.get("high")), number(b.get("low")),
                        number(b.get("close")), (long) number(b.get("volume"))));
            }
        }
        return out;
    }

    /** The finding whose last bar is the latest (the report lists them best first); null when there is none. */
    static CandleChart.PatternMark latestPattern(Object reply) {
        if (!(reply instanceof Map<?, ?> report) || !(report.get("findings") instanceof List<?> findings)) {
            return null;
        }
        return findings.stream().map(f -> (Map<?, ?>) f)
                .filter(f -> f.get("first_bar_time") != null && f.get("last_bar_time") != null)
                .max(Comparator.comparing(f -> instant(f.get("last_bar_time"))))
                .map(f -> new CandleChart.PatternMark(String.valueOf(f.get("pattern_type")), String.valueOf(f.get("direction")),
                        instant(f.get("first_bar_time")), instant(f.get("last_bar_time"))))
                .orElse(null);
    }

    /**
     * The symbol's fills of the session: an order without a parent or leg that buys is an entry, every other fill
     * (a sell, a bracket leg) an exit.
     */
    static List<CandleChart.TradeMark> fills(String symbol, LocalDate session, Object reply) {
        List<CandleChart.TradeMark> out = new ArrayList<>();
        if (!(reply instanceof List<?> rows)) {
            return out;
        }
        for (Object row : rows) {
            Map<?, ?> o = (Map<?, ?>) row;
            if (!symbol.equals(o.get("symbol")) || o.get("filled_at") == null || o.get("filled_avg_price") == null) {
                continue;
            }
            Instant at = instant(o.get("filled_at"));
            if (!LocalDate.ofInstant(at, TradingClock.EXCHANGE_ZONE).equals(session)) {
                continue;
            }
            boolean entry = "buy".equals(o.get("side")) && o.get("leg") == null && o.get("parent_client_order_id") == null;
            out.add(new CandleChart.TradeMark(at, number(o.get("filled_avg_price")), String.valueOf(o.get("side")), entry));
        }
        out.sort(Comparator.comparing(CandleChart.TradeMark::time));
        return out;
    }

    private static Map<String, Object> patternSummary(CandleChart.PatternMark p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type());
        m.put("direction", p.direction());
        m.put("first_bar_end", p.firstBar().toString());
        m.put("last_bar_end", p.lastBar().toString());
        return m;
    }

    private static Map<String, Object> fillSummary(CandleChart.TradeMark t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", t.time().toString());
        m.put("side", t.side());
        m.put("kind", t.entry() ? "entry" : "exit");
        m.put("price", t.price());
        return m;
    }

    /** An instant as the APIs write it: ISO-8601 text, or epoch seconds (with fraction) as a number. */
    static Instant instant(Object value) {
        if (value instanceof Number n) {
            BigDecimal seconds = new BigDecimal(n.toString());
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        String text = String.valueOf(value);
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            // timestamps from the orders table come with an offset (+00:00) rather than Z
            return java.time.OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }
}
