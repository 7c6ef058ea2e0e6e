package com.catalyst.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parameter sweep as one self-contained HTML page for a browser (docs/research.md): its details and overfitting
 * statistics, a heatmap of the in-sample objective over two of the varied parameters, the walk-forward fold table, each
 * trial's in-sample against out-of-sample figures, and the stitched out-of-sample equity. The input is the sweep's JSON
 * answer as plain maps and lists (what {@code GET /api/v1/backtests/sweeps/{id}} answers); every value from it is
 * escaped. No script, no external resource: the page carries a Content-Security-Policy that forbids both.
 */
public final class SweepPage {

    /** Scripts, frames and any fetch forbidden; only the page's own inline style. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    public static final String LOW_COLOUR = "#d7301f";
    public static final String MID_COLOUR = "#ffffbf";
    public static final String HIGH_COLOUR = "#1a9850";
    static final int CELL_WIDTH = 90;
    static final int CELL_HEIGHT = 34;
    private static final int MAP_LEFT = 110;
    private static final int MAP_TOP = 40;

    private SweepPage() {
    }

    /**
     * The parameters the trials vary (more than one value among them), in the order of the first trial's parameters: the
     * heatmap's possible axes.
     */
    public static List<String> variedParameters(Map<String, Object> sweep) {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        for (Map<String, Object> trial : maps(sweep.get("trials"))) {
            for (Map.Entry<String, Object> p : map(trial.get("parameters")).entrySet()) {
                values.computeIfAbsent(p.getKey(), k -> new LinkedHashSet<>()).add(p.getValue());
            }
        }
        List<String> varied = new ArrayList<>();
        values.forEach((name, seen) -> {
            if (seen.size() > 1) {
                varied.add(name);
            }
        });
        return varied;
    }

    /**
     * The page. {@code x} and {@code y} name the heatmap's parameters (checked by the caller against
     * {@link #variedParameters}); null for y when only one parameter varies, both null when none does.
     */
    public static String render(Map<String, Object> sweep, String x, String y) {
        String title = "Catalyst sweep " + sweep.get("sweep_id") + " (" + sweep.get("strategy") + ", " + sweep.get("status") + ")";
        String objective = String.valueOf(sweep.get("objective"));
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.escape(CONTENT_SECURITY_POLICY)).append("\">")
                .append("<title>").append(Html.escape(title))
                .append("</title><style>body{font-family:sans-serif;margin:16px;background:#fafafa}")
                .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:2px 8px;text-align:right}")
                .append("h2{margin:14px 0 4px;font-size:16px}svg{display:block}p.note{color:#555}</style></head><body>")
                .append("<h1>").append(Html.escape(title)).append("</h1>");
        details(html, sweep);
        heatmap(html, sweep, x, y, objective);
        folds(html, sweep, objective);
        trials(html, sweep, objective);
        equity(html, sweep);
        return html.append("</body></html>").toString();
    }

    private static void details(StringBuilder html, Map<String, Object> s) {
        Map<String, Object> progress = map(s.get("progress"));
        html.append("<table id=\"sweep\">");
        row(html, "sweep", s.get("sweep_id"));
        row(html, "status", s.get("status"));
        row(html, "strategy", s.get("strategy"));
        row(html, "method / objective", s.get("method") + " / " + s.get("objective"));
        row(html, "trials done / total", progress.get("trials_done") + " / " + progress.get("trials_total"));
        row(html, "data", s.get("source") + " " + String.join(",", strings(s.get("symbols"))));
        row(html, "sessions", s.get("from") + " to " + s.get("to") + " (" + s.get("sessions") + ")");
        row(html, "walk-forward", s.get("walk_forward") == null ? "none" : s.get("walk_forward"));
        Map<String, Object> best = map(s.get("best"));
        row(html, "best trial", best.isEmpty() ? "n/a" : best.get("trial_no") + " " + best.get("parameters"));
        row(html, "out-of-sample return", s.get("out_of_sample_return_pct") == null ? "n/a" : number(s.get("out_of_sample_return_pct")) + " %");
        row(html, "deflated Sharpe", number(s.get("deflated_sharpe")));
        row(html, "PBO (probability of backtest overfitting)", number(s.get("pbo")));
        if (s.get("error") != null) {
            row(html, "error", s.get("error"));
        }
        html.append("</table>");
    }

    /** One cell a pair of values: the best in-sample objective among the trials with those two values. */
    private static void heatmap(StringBuilder html, Map<String, Object> s, String x, String y, String objective) {
        html.append("<h2>In-sample ").append(Html.escape(objective)).append(" by parameters</h2>");
        if (x == null) {
            html.append("<p class=\"note\" id=\"heatmap-none\">No parameter takes more than one value among the trials so far.</p>");
            return;
        }
        List<Object> xs = new ArrayList<>();
        List<Object> ys = new ArrayList<>();
        Map<List<Object>, Double> cells = new LinkedHashMap<>();
        Map<List<Object>, Integer> cellTrial = new LinkedHashMap<>();
        for (Map<String, Object> trial : maps(s.get("trials"))) {
            Map<String, Object> p = map(trial.get("parameters"));
            Object xv = p.get(x);
            Object yv = y == null ? "" : p.get(y);
            if (!xs.contains(xv)) {
                xs.add(xv);
            }
            if (!ys.contains(yv)) {
                ys.add(yv);
            }
            Double value = figure(map(trial.get("in_sample")), objective);
            List<Object> key = java.util.Arrays.asList(xv, yv);
            if (value != null && (!cells.containsKey(key) || cells.get(key) == null || value > cells.get(key))) {
                cells.put(key, value);
                cellTrial.put(key, ((Number) trial.get("trial_no")).intValue());
            } else {
                cells.putIfAbsent(key, null);
            }
        }
        xs.sort(SweepPage::compareValues);
        ys.sort(SweepPage::compareValues);
        double lo = cells.values().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = cells.values().stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        int width = MAP_LEFT + xs.size() * CELL_WIDTH + 20;
        int height = MAP_TOP + ys.size() * CELL_HEIGHT + 50;
        html.append("<svg id=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\" data-x=\"").append(Html.escape(x)).append("\" data-y=\"")
                .append(Html.escape(y == null ? "" : y)).append("\"><title>").append(Html.escape("In-sample " + objective + " over " + x
                        + (y == null ? "" : " and " + y))).append("</title>");
        for (int j = 0; j < ys.size(); j++) {
            int top = MAP_TOP + (ys.size() - 1 - j) * CELL_HEIGHT; // the lowest value at the bottom
            html.append("<text class=\"y-label\" x=\"").append(MAP_LEFT - 6).append("\" y=\"").append(top + CELL_HEIGHT / 2)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Html.escape(ys.get(j))).append("</text>");
            for (int i = 0; i < xs.size(); i++) {
                int left = MAP_LEFT + i * CELL_WIDTH;
                List<Object> key = java.util.Arrays.asList(xs.get(i), ys.get(j));
                String attrs = "\" x=\"" + left + "\" y=\"" + top + "\" width=\"" + (CELL_WIDTH - 2) + "\" height=\"" + (CELL_HEIGHT - 2)
                        + "\" data-x=\"" + Html.escape(xs.get(i)) + "\" data-y=\"" + Html.escape(ys.get(j)) + "\"";
                if (!cells.containsKey(key)) {
                    html.append("<rect class=\"no-trial\" fill=\"#f0f0f0").append(attrs).append("/>");
                    continue;
                }
                Double value = cells.get(key);
                if (value == null) {
                    html.append("<rect class=\"cell undefined\" fill=\"#cccccc").append(attrs).append(" data-value=\"\"/>");
                } else {
                    html.append("<rect class=\"cell\" fill=\"").append(colour(value, lo, hi)).append(attrs).append(" data-value=\"")
                            .append(value).append("\" data-trial=\"").append(cellTrial.get(key)).append("\"><title>")
                            .append(Html.escape(x + " " + xs.get(i) + (y == null ? "" : ", " + y + " " + ys.get(j)) + ": " + objective + " "
                                    + number(value) + " (trial " + cellTrial.get(key) + ")")).append("</title></rect>");
                }
                html.append("<text class=\"cell-value\" x=\"").append(left + CELL_WIDTH / 2 - 1).append("\" y=\"").append(top + CELL_HEIGHT / 2)
                        .append("\" text-anchor=\"middle\" dominant-baseline=\"middle\">").append(value == null ? "n/a" : number(value))
                        .append("</text>");
            }
        }
        int bottom = MAP_TOP + ys.size() * CELL_HEIGHT;
        for (int i = 0; i < xs.size(); i++) {
            html.append("<text class=\"x-label\" x=\"").append(MAP_LEFT + i * CELL_WIDTH + CELL_WIDTH / 2 - 1).append("\" y=\"").append(bottom + 14)
                    .append("\" text-anchor=\"middle\">").append(Html.escape(xs.get(i))).append("</text>");
        }
        html.append("<text class=\"axis-title\" x=\"").append(MAP_LEFT + xs.size() * CELL_WIDTH / 2).append("\" y=\"").append(bottom + 36)
                .append("\" text-anchor=\"middle\">").append(Html.escape(x)).append("</text>")
                .append("<text class=\"axis-title\" x=\"").append(MAP_LEFT - 6).append("\" y=\"").append(MAP_TOP - 12)
                .append("\" text-anchor=\"end\">").append(Html.escape(y == null ? "" : y)).append("</text>")
                .append("</svg><p class=\"note\">Each cell: the best in-sample ").append(Html.escape(objective))
                .append(" among the trials with those two values (other parameters, if any, at their best); green is higher, red lower. ")
                .append("Choose the axes with <code>?x=…&amp;y=…</code> among: ").append(Html.escape(String.join(", ", variedParameters(s))))
                .append(".</p>");
    }

    private static void folds(StringBuilder html, Map<String, Object> s, String objective) {
        List<Map<String, Object>> folds = maps(s.get("folds"));
        html.append("<h2>Walk-forward folds</h2>");
        if (folds.isEmpty()) {
            html.append("<p class=\"note\" id=\"folds-none\">").append(s.get("walk_forward") == null ? "No walk-forward in this sweep."
                    : "The folds are reported when the sweep has ended.").append("</p>");
            return;
        }
        html.append("<table id=\"folds\"><tr><th>fold</th><th>in-sample</th><th>out-of-sample</th><th>chosen trial</th><th>parameters</th>")
                .append("<th>in-sample ").append(Html.escape(objective)).append("</th><th>OOS ").append(Html.escape(objective))
                .append("</th><th>OOS trades</th><th>OOS net P&amp;L</th><th>OOS return %</th><th>OOS max drawdown</th></tr>");
        for (Map<String, Object> f : folds) {
            Map<String, Object> oos = map(f.get("out_of_sample"));
            html.append("<tr class=\"fold\">");
            cells(html, f.get("fold_no"), f.get("in_sample_from") + " to " + f.get("in_sample_to"),
                    f.get("out_of_sample_from") + " to " + f.get("out_of_sample_to"), f.get("chosen_trial"), parameters(f.get("chosen_parameters")),
                    number(f.get("in_sample_objective")), number(figure(oos, objective)), oos.get("trades"), number(oos.get("net_pnl")),
                    number(oos.get("return_pct")), number(oos.get("max_drawdown")));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void trials(StringBuilder html, Map<String, Object> s, String objective) {
        html.append("<h2>In-sample against out-of-sample, per trial</h2><table id=\"trials\"><tr><th>trial</th><th>rank</th><th>parameters</th>")
                .append("<th>in-sample ").append(Html.escape(objective)).append("</th><th>out-of-sample ").append(Html.escape(objective))
                .append("</th><th>in-sample net P&amp;L</th><th>out-of-sample net P&amp;L</th><th>in-sample trades</th><th>out-of-sample trades</th></tr>");
        for (Map<String, Object> t : maps(s.get("trials"))) {
            Map<String, Object> in = map(t.get("in_sample"));
            Map<String, Object> out = map(t.get("out_of_sample"));
            html.append("<tr class=\"trial\">");
            cells(html, t.get("trial_no"), t.get("rank") == null ? "" : t.get("rank"), parameters(t.get("parameters")), number(figure(in, objective)),
                    out.isEmpty() ? "n/a" : number(figure(out, objective)), number(in.get("net_pnl")), out.isEmpty() ? "n/a" : number(out.get("net_pnl")),
                    in.get("trades"), out.isEmpty() ? "n/a" : out.get("trades"));
            html.append("</tr>");
        }
        html.append("</table>");
        if (s.get("walk_forward") == null) {
            html.append("<p class=\"note\">Without walk-forward a trial's figures are over the whole period: there is no out-of-sample.</p>");
        }
    }

    private static void equity(StringBuilder html, Map<String, Object> s) {
        List<Map<String, Object>> points = maps(s.get("stitched_equity"));
        html.append("<h2>Stitched out-of-sample equity (USD)</h2>");
        if (points.isEmpty()) {
            html.append("<p class=\"note\" id=\"equity-none\">No stitched equity: it needs walk-forward folds and an ended sweep.</p>");
            return;
        }
        List<Double> values = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (Map<String, Object> p : points) {
            values.add(((Number) p.get("equity")).doubleValue());
            sessions.add(String.valueOf(p.get("session")));
        }
        html.append(SvgChart.line("stitched-equity-chart", "Stitched out-of-sample equity at each session's close", values,
                ReportPage.EQUITY_COLOUR, new SvgChart.Axes("account equity (USD)", "out-of-sample session", sessions)));
    }

    /** The figure named as the objective: sharpe, sortino, profit_factor, net_pnl or calmar; null when left out. */
    static Double figure(Map<String, Object> figures, String objective) {
        Object v = figures.get(objective);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** Red (lowest) through pale yellow to green (highest); one value alone is the middle. */
    static String colour(double value, double lo, double hi) {
        double t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
        return t < 0.5 ? mix(LOW_COLOUR, MID_COLOUR, t * 2) : mix(MID_COLOUR, HIGH_COLOUR, (t - 0.5) * 2);
    }

    private static String mix(String from, String to, double t) {
        int a = Integer.parseInt(from.substring(1), 16);
        int b = Integer.parseInt(to.substring(1), 16);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = (a >> shift) & 0xff;
            int cb = (b >> shift) & 0xff;
            rgb |= ((int) Math.round(ca + (cb - ca) * t)) << shift;
        }
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            return Double.compare(na.doubleValue(), nb.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static String parameters(Object parameters) {
        StringBuilder text = new StringBuilder();
        map(parameters).forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return text.toString();
    }

    private static String number(Object value) {
        if (value instanceof Number n) {
            return String.format(Locale.ROOT, "%.2f", n.doubleValue());
        }
        return value == null ? "n/a" : String.valueOf(value);
    }

    private static void cells(StringBuilder html, Object... values) {
        for (Object v : values) {
            html.append("<td>").append(Html.escape(v == null ? "n/a" : v)).append("</td>");
        }
    }

    private static void row(StringBuilder html, String name, Object value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value == null ? "n/a" : value)).append("</td></tr>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
