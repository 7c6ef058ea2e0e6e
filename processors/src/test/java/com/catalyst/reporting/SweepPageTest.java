package com.catalyst.reporting;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep's page from a sweep's JSON answer (as maps): the heatmap's cells parsed as XML hold each pair's best
 * in-sample objective where it is drawn, the fold and trial tables have a row each, the stitched equity is a chart with
 * axes, and every value from the sweep is escaped; no script and no external resource.
 */
class SweepPageTest {

    /** A 2 × 2 grid over ema_fast and ema_slow (atr_period also varies on two trials), 2 folds, a stitched equity. */
    static Map<String, Object> sweep() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("sweep_id", 7);
        s.put("status", "completed");
        s.put("strategy", "ema-cross<script>alert(1)</script>");
        s.put("method", "grid");
        s.put("objective", "sharpe");
        s.put("walk_forward", Map.of("in_sample_days", 10, "out_of_sample_days", 5, "step_days", 5));
        s.put("source", "data \"dir\" & co");
        s.put("symbols", List.of("SPY"));
        s.put("from", "2011-03-01");
        s.put("to", "2011-03-31");
        s.put("sessions", 23);
        s.put("progress", Map.of("trials_done", 5, "trials_total", 5, "percent", 100.0));
        List<Map<String, Object>> trials = new ArrayList<>();
        trials.add(trial(1, 5, 21, 14, 1.5, -0.5));
        trials.add(trial(2, 5, 30, 14, -0.25, 0.75));
        trials.add(trial(3, 9, 21, 14, 2.0, 0.1));
        trials.add(trial(4, 9, 30, 14, null, null)); // a Sharpe not defined: left out of the figures
        trials.add(trial(5, 9, 21, 20, 3.25, -1.0)); // same pair as trial 3, better: the cell shows it
        s.put("trials", trials);
        s.put("best", trials.get(4));
        s.put("folds", List.of(fold(1, "2011-03-01", "2011-03-14", "2011-03-15", "2011-03-21", 5, trials.get(4)),
                fold(2, "2011-03-08", "2011-03-21", "2011-03-22", "2011-03-28", 3, trials.get(2))));
        List<Map<String, Object>> equity = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            equity.add(Map.of("session", "2011-03-" + (15 + i), "fold_no", i < 5 ? 1 : 2, "equity", 100000 + 120.5 * i));
        }
        s.put("stitched_equity", equity);
        s.put("out_of_sample_return_pct", 1.08);
        s.put("deflated_sharpe", 0.42);
        s.put("pbo", 0.5);
        return s;
    }

    static Map<String, Object> trial(int no, int fast, int slow, int atr, Double inSharpe, Double outSharpe) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("trial_no", no);
        t.put("rank", no);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ema_fast", fast);
        p.put("ema_slow", slow);
        p.put("atr_period", atr);
        t.put("parameters", p);
        t.put("in_sample", figures(inSharpe, 100.0 * no));
        t.put("out_of_sample", figures(outSharpe, -10.0 * no));
        return t;
    }

    static Map<String, Object> figures(Double sharpe, double net) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sessions", 5);
        f.put("trades", 3);
        f.put("net_pnl", net);
        f.put("return_pct", net / 1000);
        f.put("max_drawdown", -12.5);
        if (sharpe != null) {
            f.put("sharpe", sharpe);
        }
        return f;
    }

    static Map<String, Object> fold(int no, String inFrom, String inTo, String outFrom, String outTo, int chosen, Map<String, Object> trial) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("fold_no", no);
        f.put("in_sample_from", inFrom);
        f.put("in_sample_to", inTo);
        f.put("out_of_sample_from", outFrom);
        f.put("out_of_sample_to", outTo);
        f.put("chosen_trial", chosen);
        f.put("chosen_parameters", trial.get("parameters"));
        f.put("in_sample_objective", ((Map<?, ?>) trial.get("in_sample")).get("sharpe"));
        f.put("out_of_sample", trial.get("out_of_sample"));
        return f;
    }

    @Test
    void theVariedParametersAreThoseWithMoreThanOneValueInTheFirstTrialsOrder() {
        assertThat(SweepPage.variedParameters(sweep())).containsExactly("ema_fast", "ema_slow", "atr_period");
        Map<String, Object> one = sweep();
        one.put("trials", List.of(trial(1, 5, 21, 14, 1.0, 1.0), trial(2, 9, 21, 14, 2.0, 1.0)));
        assertThat(SweepPage.variedParameters(one)).containsExactly("ema_fast");
    }

    @Test
    void eachPairOfValuesIsOneCellHoldingTheBestInSampleObjectiveOfItsTrials() throws Exception {
        Document map = svg(SweepPage.render(sweep(), "ema_fast", "ema_slow"), "heatmap");
        List<Element> cells = elements(map, "rect", "cell");
        assertThat(cells).hasSize(4);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> trialOf = new LinkedHashMap<>();
        for (Element c : cells) {
            String key = c.getAttribute("data-x") + "/" + c.getAttribute("data-y");
            values.put(key, c.getAttribute("data-value"));
            trialOf.put(key, c.getAttribute("data-trial"));
        }
        assertThat(values).containsOnly(Map.entry("5/21", "1.5"), Map.entry("5/30", "-0.25"), Map.entry("9/21", "3.25"),
                Map.entry("9/30", ""));
        // 9/21: trials 3 (2.0) and 5 (3.25) share the pair; the better one is shown
        assertThat(trialOf.get("9/21")).isEqualTo("5");
        assertThat(elements(map, "rect", "cell undefined")).hasSize(1);
        // each cell's value written on it, row by row from the lowest y
        assertThat(texts(map, "cell-value")).containsExactly("1.50", "3.25", "-0.25", "n/a");
    }

    @Test
    void theHighestCellIsGreenTheLowestRedAndTheAxesNameTheParametersAndTheirValues() throws Exception {
        Document map = svg(SweepPage.render(sweep(), "ema_fast", "ema_slow"), "heatmap");
        Map<String, String> fill = new LinkedHashMap<>();
        for (Element c : elements(map, "rect", "cell")) {
            if (c.getAttribute("data-value").isEmpty()) {
                assertThat(c.getAttribute("class")).isEqualTo("cell undefined");
                continue;
            }
            fill.put(c.getAttribute("data-x") + "/" + c.getAttribute("data-y"), c.getAttribute("fill"));
        }
        assertThat(fill.get("9/21")).isEqualTo(SweepPage.HIGH_COLOUR);
        assertThat(fill.get("5/30")).isEqualTo(SweepPage.LOW_COLOUR);
        assertThat(texts(map, "x-label")).containsExactly("5", "9");
        assertThat(texts(map, "y-label")).containsExactly("21", "30");
        assertThat(texts(map, "axis-title")).containsExactly("ema_fast", "ema_slow");
        // the lower y value is drawn below the higher one
        Element low = elements(map, "rect", "cell").stream().filter(c -> c.getAttribute("data-y").equals("21")).findFirst().orElseThrow();
        Element high = elements(map, "rect", "cell").stream().filter(c -> c.getAttribute("data-y").equals("30")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(low.getAttribute("y"))).isGreaterThan(Double.parseDouble(high.getAttribute("y")));
    }

    @Test
    void otherAxesRegroupTheCells() throws Exception {
        Document map = svg(SweepPage.render(sweep(), "atr_period", "ema_fast"), "heatmap");
        Map<String, String> values = new LinkedHashMap<>();
        for (Element c : elements(map, "rect", "cell")) {
            values.put(c.getAttribute("data-x") + "/" + c.getAttribute("data-y"), c.getAttribute("data-value"));
        }
        // atr 14 with fast 5: trials 1 and 2, best 1.5; atr 14 with fast 9: trials 3 and 4, best 2.0; atr 20 with fast 9: 3.25
        assertThat(values).containsOnly(Map.entry("14/5", "1.5"), Map.entry("14/9", "2.0"), Map.entry("20/9", "3.25"));
        // a pair no trial has is drawn empty, not as a cell
        assertThat(elements(map, "rect", "no-trial")).hasSize(1);

        Map<String, Object> one = sweep();
        one.put("trials", List.of(trial(1, 5, 21, 14, 1.0, 1.0), trial(2, 9, 21, 14, 2.0, 1.0)));
        Document strip = svg(SweepPage.render(one, "ema_fast", null), "heatmap");
        assertThat(elements(strip, "rect", "cell")).hasSize(2);
    }

    @Test
    void theFoldAndTrialTablesHaveARowEachAndTheStitchedEquityIsAChartWithAxes() throws Exception {
        String page = SweepPage.render(sweep(), "ema_fast", "ema_slow");
        Document folds = xml(between(page, "<table id=\"folds\">", "</table>"));
        List<Element> foldRows = elements(folds, "tr", "fold");
        assertThat(foldRows).hasSize(2);
        assertThat(cellTexts(foldRows.get(0))).containsExactly("1", "2011-03-01 to 2011-03-14", "2011-03-15 to 2011-03-21", "5",
                "ema_fast=9, ema_slow=21, atr_period=20", "3.25", "-1.00", "3", "-50.00", "-0.05", "-12.50");
        Document trials = xml(between(page, "<table id=\"trials\">", "</table>"));
        List<Element> trialRows = elements(trials, "tr", "trial");
        assertThat(trialRows).hasSize(5);
        assertThat(cellTexts(trialRows.get(0))).containsExactly("1", "1", "ema_fast=5, ema_slow=21, atr_period=14", "1.50", "-0.50", "100.00",
                "-10.00", "3", "3");
        assertThat(cellTexts(trialRows.get(3)).get(3)).isEqualTo("n/a");

        Document equity = svg(page, "stitched-equity-chart");
        assertThat(equity.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(texts(equity, "tick-label")).contains("2011-03-15", "2011-03-24");
        assertThat(texts(equity, "axis-title")).containsExactly("account equity (USD)", "out-of-sample session");
    }

    @Test
    void everyValueIsEscapedAndThePageLoadsNothingAndRunsNothing() throws Exception {
        Map<String, Object> s = sweep();
        Map<String, Object> odd = trial(6, 5, 21, 14, 0.5, 0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) odd.get("parameters");
        p.put("mode", "<img src=x onerror=alert(1)>\"'&");
        Map<String, Object> other = trial(7, 5, 21, 14, 0.5, 0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> q = (Map<String, Object>) other.get("parameters");
        q.put("mode", "plain");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> trials = new ArrayList<>((List<Map<String, Object>>) s.get("trials"));
        trials.add(odd);
        trials.add(other);
        s.put("trials", trials);
        String page = SweepPage.render(s, "mode", "ema_fast");
        assertThat(page).doesNotContain("<script", "<img", "onerror=alert(1)>\"", "http://cdn", "https://", "src=\"http");
        assertThat(page).contains("ema-cross&lt;script&gt;alert(1)&lt;/script&gt;", "data &quot;dir&quot; &amp; co",
                "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;");
        // the odd value is an axis value: the heatmap still parses, and its cell carries the value as written
        Document map = svg(page, "heatmap");
        assertThat(elements(map, "rect", "cell").stream().map(c -> c.getAttribute("data-x")))
                .contains("<img src=x onerror=alert(1)>\"'&", "plain");
    }

    @Test
    void aSweepWithoutWalkForwardOrVariedParametersSaysSo() {
        Map<String, Object> s = sweep();
        s.put("walk_forward", null);
        s.put("folds", null);
        s.put("stitched_equity", null);
        s.put("trials", List.of(trial(1, 5, 21, 14, 1.0, null)));
        String page = SweepPage.render(s, null, null);
        assertThat(page).contains("id=\"heatmap-none\"", "id=\"folds-none\"", "No walk-forward in this sweep", "id=\"equity-none\"")
                .doesNotContain("<svg id=\"heatmap\"");
    }

    private static Document svg(String page, String id) throws Exception {
        int start = page.indexOf("<svg id=\"" + id + "\"");
        assertThat(start).as("svg " + id).isNotNegative();
        return xml(page.substring(start, page.indexOf("</svg>", start) + "</svg>".length()));
    }

    private static String between(String page, String open, String close) {
        int start = page.indexOf(open);
        assertThat(start).as(open).isNotNegative();
        return page.substring(start, page.indexOf(close, start) + close.length());
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document doc, String tag, String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (List.of(e.getAttribute("class").split(" ")).containsAll(List.of(cssClass.split(" ")))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> texts(Document doc, String cssClass) {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }

    private static List<String> cellTexts(Element row) {
        List<String> out = new ArrayList<>();
        NodeList cells = row.getElementsByTagName("td");
        for (int i = 0; i < cells.getLength(); i++) {
            out.add(cells.item(i).getTextContent());
        }
        return out;
    }
}
