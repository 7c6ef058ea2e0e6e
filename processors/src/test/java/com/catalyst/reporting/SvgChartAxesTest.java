package com.catalyst.reporting;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's charts parsed as XML: the value axis's labels cover the data's range with round steps and sit at the
 * heights where the series draws those values; the time axis names the points' times; the page's charts carry them.
 */
class SvgChartAxesTest {

    @Test
    void valueTicksCoverTheSeriesAndSitWhereTheLineDrawsTheirValues() throws Exception {
        List<Double> values = List.of(0.0, 300.0, 200.0, -50.0, 0.0, 200.0);
        Document svg = parse(SvgChart.line("equity-chart", "Equity", values, "#000000",
                new SvgChart.Axes("realized P&L (USD)", "time", List.of("start", "10:00", "11:00", "10:00", "11:00", "12:00"))));

        List<Element> ticks = labels(svg, "y-axis");
        List<Double> tickValues = ticks.stream().map(t -> Double.parseDouble(t.getTextContent().replace(",", ""))).toList();
        assertThat(tickValues.get(0)).isLessThanOrEqualTo(-50.0);
        assertThat(tickValues.get(tickValues.size() - 1)).isGreaterThanOrEqualTo(300.0);
        // round steps, no wider than needed: the outer ticks are less than one step beyond the data
        double step = tickValues.get(1) - tickValues.get(0);
        assertThat(step).isIn(50.0, 100.0);
        assertThat(tickValues.get(0)).isGreaterThan(-50.0 - step);
        assertThat(tickValues.get(tickValues.size() - 1)).isLessThan(300.0 + step);
        assertThat(texts(svg, "y-axis", "axis-title")).containsExactly("realized P&L (USD)");

        // the line's highest point (300) is drawn at the y of the tick whose label says 300
        String[] points = ((Element) svg.getElementsByTagName("polyline").item(0)).getAttribute("points").split(" ");
        double yOf300 = Double.parseDouble(points[1].split(",")[1]);
        Element tick300 = ticks.get(tickValues.indexOf(300.0));
        assertThat(Double.parseDouble(tick300.getAttribute("y"))).isCloseTo(yOf300, within(0.11));
    }

    @Test
    void timeAxisLabelsThePointsFirstAndLastIncluded() throws Exception {
        List<Double> values = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add((double) i);
            times.add(String.format("%02d:%02d", 9 + (30 + i * 10) / 60, (30 + i * 10) % 60));
        }
        Document svg = parse(SvgChart.line("c", "c", values, "#000000", new SvgChart.Axes("USD", "time (New York)", times)));

        List<String> labels = labels(svg, "x-axis").stream().map(Element::getTextContent).toList();
        assertThat(labels).hasSizeBetween(2, 9).startsWith("09:30").endsWith("14:20");
        assertThat(times).containsAll(labels);
        assertThat(texts(svg, "x-axis", "axis-title")).containsExactly("time (New York)");
    }

    @Test
    void barsChartNumbersTheTradesAndCoversLossesAndGains() throws Exception {
        Document svg = parse(SvgChart.bars("trades-chart", "P&L", List.of(12.5, -7.25, 3.0), "#00ff00", "#ff0000"));
        List<Double> ticks = labels(svg, "y-axis").stream().map(t -> Double.parseDouble(t.getTextContent())).toList();
        assertThat(ticks.get(0)).isLessThanOrEqualTo(-7.25);
        assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(12.5);
        assertThat(labels(svg, "x-axis")).extracting(Element::getTextContent).containsExactly("1", "2", "3");
    }

    @Test
    void theReportPageChartsHaveAxesInTheExchangesTime() throws Exception {
        PerformanceReport report = new PerformanceCalculator(new java.math.BigDecimal("10000"))
                .calculate("daily", PerformanceCalculatorTest.FROM, PerformanceCalculatorTest.FROM,
                        PerformanceCalculatorTest.fixture().subList(4, 6), List.of());
        String page = ReportPage.render(report);
        String equity = page.substring(page.indexOf("<svg id=\"equity-chart\""), page.indexOf("</svg>", page.indexOf("<svg id=\"equity-chart\"")) + 6);
        Document svg = parse(equity);
        // trades closed 15:00Z and 16:00Z in January: 10:00 and 11:00 in New York
        assertThat(labels(svg, "x-axis")).extracting(Element::getTextContent).containsExactly("start", "10:00", "11:00");
        assertThat(texts(svg, "y-axis", "axis-title")).containsExactly("realized P&L (USD)");
        assertThat(labels(svg, "y-axis")).hasSizeGreaterThanOrEqualTo(2);
    }

    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> labels(Document svg, String axis) {
        return elements(svg, axis, "tick-label");
    }

    static List<String> texts(Document svg, String axis, String cls) {
        return elements(svg, axis, cls).stream().map(Element::getTextContent).toList();
    }

    private static List<Element> elements(Document svg, String axis, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!axis.equals(g.getAttribute("class"))) {
                continue;
            }
            NodeList texts = g.getElementsByTagName("text");
            for (int j = 0; j < texts.getLength(); j++) {
                Element t = (Element) texts.item(j);
                if (cls.equals(t.getAttribute("class"))) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
