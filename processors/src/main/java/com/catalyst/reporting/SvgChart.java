package com.catalyst.reporting;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn on the server: a line over a series (equity, drawdown) and bars (one per trade). The page
 * needs no script and no network; each chart has an id so that a test can find it.
 */
public final class SvgChart {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 240;
    private static final int PAD = 30;

    private SvgChart() {
    }

    /** A polyline through the values in order, with the zero line in grey. */
    public static String line(String id, String title, List<Double> values, String colour) {
        StringBuilder svg = open(id, title);
        Scale scale = new Scale(values);
        svg.append(zeroLine(scale));
        if (!values.isEmpty()) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                points.append(fmt(x(i, values.size()))).append(',').append(fmt(scale.y(values.get(i)))).append(' ');
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"4\" stroke-linejoin=\"round\" points=\"").append(points.toString().trim()).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** One bar per value from the zero line: gains in one colour, losses in another. */
    public static String bars(String id, String title, List<Double> values, String gainColour, String lossColour) {
        StringBuilder svg = open(id, title);
        Scale scale = new Scale(values);
        double slot = (WIDTH - 2.0 * PAD) / Math.max(1, values.size());
        double width = Math.max(1, slot * 0.7);
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            double top = Math.min(scale.y(value), scale.y(0));
            double height = Math.max(2, Math.abs(scale.y(value) - scale.y(0)));
            svg.append("<rect class=\"bar\" shape-rendering=\"crispEdges\" fill=\"").append(value >= 0 ? gainColour : lossColour)
                    .append("\" x=\"").append(fmt(PAD + i * slot + (slot - width) / 2)).append("\" y=\"").append(fmt(top))
                    .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(fmt(height)).append("\"/>");
        }
        svg.append(zeroLine(scale));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\"><title>").append(Html.escape(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\" stroke=\"#cccccc\"/>");
    }

    private static String zeroLine(Scale scale) {
        String y = fmt(scale.y(0));
        return "<line x1=\"" + PAD + "\" x2=\"" + (WIDTH - PAD) + "\" y1=\"" + y + "\" y2=\"" + y + "\" stroke=\"#999999\" stroke-width=\"1\"/>";
    }

    private static double x(int index, int count) {
        return count < 2 ? PAD : PAD + index * (WIDTH - 2.0 * PAD) / (count - 1);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Maps values to the chart's height; the range always includes zero so the zero line is on the chart. */
    private static final class Scale {
        private final double min;
        private final double max;

        Scale(List<Double> values) {
            double lo = 0;
            double hi = 0;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            // a flat series still needs a range to divide by
            this.min = lo;
            this.max = hi == lo ? lo + 1 : hi;
        }

        double y(double value) {
            return HEIGHT - PAD - (value - min) / (max - min) * (HEIGHT - 2.0 * PAD);
        }
    }
}
