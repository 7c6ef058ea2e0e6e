package com.catalyst.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn on the server: a line over a series (equity, drawdown) and bars (one per trade), each with a
 * value axis (round ticks that cover the data, labelled in the value's unit) and a time or sequence axis. The page
 * needs no script and no network; each chart has an id, and its axes the classes {@code y-axis} and {@code x-axis},
 * so that a test can find them.
 */
public final class SvgChart {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 260;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    static final int TOP = 16;
    static final int BOTTOM = 44;
    private static final int X_TICKS = 8;

    /** What the axes say: the value's unit, what the points are, and one label a point (time or number). */
    public record Axes(String valueTitle, String pointTitle, List<String> pointLabels) {

        /** Points labelled 1..count (trades, sessions) when no time belongs to them. */
        public static Axes numbered(String valueTitle, String pointTitle, int count) {
            List<String> labels = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                labels.add(Integer.toString(i));
            }
            return new Axes(valueTitle, pointTitle, labels);
        }
    }

    private SvgChart() {
    }

    /** A polyline through the values in order, with the zero line in grey; points numbered on the x axis. */
    public static String line(String id, String title, List<Double> values, String colour) {
        return line(id, title, values, colour, Axes.numbered("USD", "point", values.size()));
    }

    /** A polyline through the values in order, with the zero line in grey and the given axes. */
    public static String line(String id, String title, List<Double> values, String colour, Axes axes) {
        StringBuilder svg = open(id, title);
        Scale scale = new Scale(values);
        svg.append(valueAxis(scale, axes.valueTitle())).append(zeroLine(scale));
        svg.append(pointAxis(axes, values.size(), SvgChart::x));
        if (!values.isEmpty()) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                points.append(fmt(x(i, values.size()))).append(',').append(fmt(scale.y(values.get(i)))).append(' ');
            }
            svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"3\" stroke-linejoin=\"round\" points=\"").append(points.toString().trim()).append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** One bar per value from the zero line: gains in one colour, losses in another; bars numbered on the x axis. */
    public static String bars(String id, String title, List<Double> values, String gainColour, String lossColour) {
        return bars(id, title, values, gainColour, lossColour, Axes.numbered("USD", "trade", values.size()));
    }

    public static String bars(String id, String title, List<Double> values, String gainColour, String lossColour, Axes axes) {
        StringBuilder svg = open(id, title);
        Scale scale = new Scale(values);
        svg.append(valueAxis(scale, axes.valueTitle()));
        double slot = plotWidth() / Math.max(1, values.size());
        double width = Math.max(1, slot * 0.7);
        for (int i = 0; i < values.size(); i++) {
            double value = values.get(i);
            double top = Math.min(scale.y(value), scale.y(0));
            double height = Math.max(2, Math.abs(scale.y(value) - scale.y(0)));
            svg.append("<rect class=\"bar\" shape-rendering=\"crispEdges\" fill=\"").append(value >= 0 ? gainColour : lossColour)
                    .append("\" x=\"").append(fmt(LEFT + i * slot + (slot - width) / 2)).append("\" y=\"").append(fmt(top))
                    .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(fmt(height)).append("\"/>");
        }
        svg.append(zeroLine(scale));
        svg.append(pointAxis(axes, values.size(), (i, n) -> LEFT + (i + 0.5) * slot));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title) {
        return new StringBuilder("<svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\"><title>").append(Html.escape(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\" stroke=\"#cccccc\"/>");
    }

    /** The left axis: a tick, a faint grid line and a label at each round value, and the unit as the axis title. */
    private static String valueAxis(Scale scale, String title) {
        StringBuilder g = new StringBuilder("<g class=\"y-axis\">");
        g.append(segment(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#444444"));
        for (double v : scale.ticks.values()) {
            String y = fmt(scale.y(v));
            g.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(y).append("\" y2=\"")
                    .append(y).append("\" stroke=\"#eeeeee\"/>")
                    .append("<line x1=\"").append(LEFT - 5).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(y).append("\" y2=\"")
                    .append(y).append("\" stroke=\"#444444\"/>")
                    .append("<text class=\"tick-label\" data-value=\"").append(v).append("\" x=\"").append(LEFT - 8).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(Html.escape(scale.ticks.label(v))).append("</text>");
        }
        g.append("<text class=\"axis-title\" x=\"14\" y=\"").append((TOP + HEIGHT - BOTTOM) / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append((TOP + HEIGHT - BOTTOM) / 2).append(")\">").append(Html.escape(title)).append("</text>");
        return g.append("</g>").toString();
    }

    /** The bottom axis: at most {@value #X_TICKS} labelled points, evenly picked, first and last included. */
    private static String pointAxis(Axes axes, int count, PointX position) {
        StringBuilder g = new StringBuilder("<g class=\"x-axis\">");
        g.append(segment(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#444444"));
        int labelled = Math.min(count, axes.pointLabels().size());
        if (labelled > 0) {
            int every = Math.max(1, (int) Math.ceil((labelled - 1) / (double) (X_TICKS - 1)));
            for (int i = 0; i < labelled; i += every) {
                g.append(pointTick(axes.pointLabels().get(i), i, position.x(i, count)));
            }
            if ((labelled - 1) % every != 0) {
                g.append(pointTick(axes.pointLabels().get(labelled - 1), labelled - 1, position.x(labelled - 1, count)));
            }
        }
        g.append("<text class=\"axis-title\" x=\"").append(LEFT + (WIDTH - LEFT - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 6)
                .append("\" text-anchor=\"middle\">").append(Html.escape(axes.pointTitle())).append("</text>");
        return g.append("</g>").toString();
    }

    private static String pointTick(String label, int index, double x) {
        String xs = fmt(x);
        return "<line x1=\"" + xs + "\" x2=\"" + xs + "\" y1=\"" + (HEIGHT - BOTTOM) + "\" y2=\"" + (HEIGHT - BOTTOM + 5) + "\" stroke=\"#444444\"/>"
                + "<text class=\"tick-label\" data-index=\"" + index + "\" x=\"" + xs + "\" y=\"" + (HEIGHT - BOTTOM + 17)
                + "\" text-anchor=\"middle\">" + Html.escape(label) + "</text>";
    }

    private static String segment(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + fmt(x1) + "\" x2=\"" + fmt(x2) + "\" y1=\"" + fmt(y1) + "\" y2=\"" + fmt(y2) + "\" stroke=\"" + colour + "\"/>";
    }

    private static String zeroLine(Scale scale) {
        String y = fmt(scale.y(0));
        return "<line class=\"zero\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + y + "\" y2=\"" + y + "\" stroke=\"#999999\" stroke-width=\"1\"/>";
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    static double x(int index, int count) {
        return count < 2 ? LEFT : LEFT + index * plotWidth() / (count - 1);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @FunctionalInterface
    private interface PointX {
        double x(int index, int count);
    }

    /** Maps values to the chart's height over round ticks; the range always includes zero so the zero line is on the chart. */
    private static final class Scale {
        private final AxisTicks ticks;

        Scale(List<Double> values) {
            double lo = 0;
            double hi = 0;
            for (double v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            this.ticks = AxisTicks.covering(lo, hi, 5);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (value - ticks.low()) / (ticks.high() - ticks.low()) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
