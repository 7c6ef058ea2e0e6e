package com.catalyst.reporting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.catalyst.reporting.chart.CandleChart;
import com.catalyst.reporting.chart.CandleChartPng;

/**
 * The report as one self-contained HTML page for a browser: the headline figures, the equity curve, the drawdown,
 * one bar per trade and the table of trades. Charts are inline SVG (the machine may have no internet, so no CDN).
 */
public final class ReportPage {

    public static final String EQUITY_COLOUR = "#1f5fbf";
    public static final String DRAWDOWN_COLOUR = "#d01c1c";
    public static final String GAIN_COLOUR = "#1a9641";
    public static final String LOSS_COLOUR = "#f07800";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private ReportPage() {
    }

    public static String render(PerformanceReport report) {
        return render(report, List.of());
    }

    /** The page with a session chart a symbol after the trades chart: the same PNG as MCP's get_chart, inline as a data URI. */
    public static String render(PerformanceReport report, List<CandleChart> sessionCharts) {
        return render(report, "Catalyst performance " + report.from() + (report.from().equals(report.to()) ? "" : " to " + report.to()), "",
                sessionCharts);
    }

    /** The same page under another title, with {@code preamble} (trusted HTML built by the caller) before the figures. */
    public static String render(PerformanceReport report, String title, String preamble) {
        return render(report, title, preamble, List.of());
    }

    private static String render(PerformanceReport report, String title, String preamble, List<CandleChart> sessionCharts) {
        StringBuilder html = new StringBuilder(4096 + report.trades().size() * 200);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title><style>body{font-family:sans-serif;margin:16px;background:#fafafa}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:2px 8px;text-align:right}")
                .append("h2{margin:14px 0 4px;font-size:16px}svg{display:block}</style></head><body>")
                .append("<h1>").append(Html.escape(title)).append("</h1>").append(preamble);
        summary(html, report);
        // the curves start at 0 before the first trade, so a single trade still draws a line
        List<Double> equity = new ArrayList<>(List.of(0.0));
        List<Double> drawdown = new ArrayList<>(List.of(0.0));
        List<String> times = new ArrayList<>(List.of("start"));
        // one session's points are told apart by the time of day; several sessions' by the date too
        DateTimeFormatter timeOfPoint = DateTimeFormatter.ofPattern(report.from().equals(report.to()) ? "HH:mm" : "MM-dd HH:mm")
                .withZone(NEW_YORK);
        for (EquityPoint point : report.equityCurve()) {
            equity.add(point.equity().doubleValue());
            drawdown.add(-point.drawdown().doubleValue());
            times.add(timeOfPoint.format(point.at()));
        }
        String timeTitle = "trade closed at (New York time)";
        html.append("<h2>Equity curve (cumulative realized P&amp;L)</h2>")
                .append(SvgChart.line("equity-chart", "Equity curve", equity, EQUITY_COLOUR,
                        new SvgChart.Axes("realized P&L (USD)", timeTitle, times)))
                .append("<h2>Drawdown</h2>")
                .append(SvgChart.line("drawdown-chart", "Drawdown below the running peak", drawdown, DRAWDOWN_COLOUR,
                        new SvgChart.Axes("drawdown (USD)", timeTitle, times)))
                .append("<h2>Trades (realized P&amp;L each)</h2>")
                .append(SvgChart.bars("trades-chart", "Realized P&L per trade",
                        report.trades().stream().map(t -> t.realizedPnl().doubleValue()).toList(), GAIN_COLOUR, LOSS_COLOUR,
                        SvgChart.Axes.numbered("realized P&L (USD)", "trade, in order of closing", report.trades().size())));
        for (CandleChart chart : sessionCharts) {
            html.append("<h2>").append(Html.escape(chart.symbol())).append(" on ").append(chart.session()).append("</h2>")
                    .append("<img id=\"session-chart-").append(Html.escape(chart.symbol())).append("\" width=\"").append(CandleChartPng.WIDTH)
                    .append("\" height=\"").append(CandleChartPng.HEIGHT).append("\" alt=\"").append(Html.escape(chart.symbol()))
                    .append(" 1-minute candles with VWAP, EMA 9/21, SMA 20 and the trades\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(CandleChartPng.png(chart))).append("\">");
        }
        trades(html, report.trades());
        return html.append("</body></html>").toString();
    }

    private static void summary(StringBuilder html, PerformanceReport r) {
        html.append("<table id=\"summary\">");
        row(html, "trades closed", r.tradesClosed());
        row(html, "wins / losses", r.wins() + " / " + r.losses());
        row(html, "realized P&L", r.realizedPnl());
        row(html, "unrealized P&L", r.unrealizedPnl());
        row(html, "win rate", percent(r.winRate()));
        row(html, "average win / loss", r.averageWin() + " / " + r.averageLoss());
        row(html, "profit factor", ratio(r.profitFactor()));
        row(html, "expectancy per trade", r.expectancy());
        row(html, "maximum drawdown", r.maxDrawdown());
        row(html, "Sharpe / Sortino (daily, ×√252)", ratio(r.sharpe()) + " / " + ratio(r.sortino()));
        row(html, "open positions / exposure", r.openPositions() + " / " + r.exposure());
        html.append("</table>");
    }

    private static void trades(StringBuilder html, List<ClosedTrade> trades) {
        html.append("<h2>Trades</h2><table id=\"trades\"><tr><th>closed at</th><th>symbol</th><th>pattern</th><th>side</th>")
                .append("<th>qty</th><th>entry</th><th>exit</th><th>P&amp;L</th><th>exit reason</th></tr>");
        for (ClosedTrade t : trades) {
            html.append("<tr><td>").append(t.closedAt()).append("</td><td>").append(Html.escape(t.symbol()))
                    .append("</td><td>").append(Html.escape(t.pattern())).append("</td><td>").append(Html.escape(t.side()))
                    .append("</td><td>").append(t.quantity()).append("</td><td>").append(t.entryPrice())
                    .append("</td><td>").append(t.exitPrice()).append("</td><td>").append(t.realizedPnl())
                    .append("</td><td>").append(Html.escape(t.exitReason() == null ? "" : t.exitReason())).append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void row(StringBuilder html, String name, Object value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value)).append("</td></tr>");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    private static String ratio(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
}
