package com.catalyst.reporting.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.imageio.ImageIO;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.reporting.AxisTicks;

/**
 * Draws a {@link CandleChart} as a PNG with the JDK's Java2D (headless; no library, no font beyond the JDK's):
 * candles, VWAP and the moving averages, the pattern's bars as a shaded band, entries as up triangles and exits as
 * down triangles at their fill prices, a price axis on the right and New York times below.
 */
public final class CandleChartPng {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 560;

    // none of these is the report page's SVG colours (ReportPage.*_COLOUR), so that a page with both can tell them apart
    public static final Color UP = new Color(0x26, 0xa6, 0x9a);
    public static final Color DOWN = new Color(0xef, 0x53, 0x50);
    public static final Color VWAP = new Color(0x7b, 0x3f, 0xb5);
    public static final Color EMA9 = new Color(0xff, 0x98, 0x00);
    public static final Color EMA21 = new Color(0x29, 0x62, 0xff);
    public static final Color SMA20 = new Color(0x70, 0x70, 0x70);
    public static final Color PATTERN = new Color(0xff, 0xec, 0x9e);
    public static final Color ENTRY = new Color(0x00, 0x9e, 0xd8);
    public static final Color EXIT = new Color(0xd4, 0x00, 0xd4);
    public static final Color BACKGROUND = Color.WHITE;
    private static final Color GRID = new Color(0xee, 0xee, 0xee);
    private static final Color AXIS = new Color(0x44, 0x44, 0x44);
    private static final int MARKER = 7;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(TradingClock.EXCHANGE_ZONE);

    static {
        // a server has no display: Java2D must never look for one
        System.setProperty("java.awt.headless", "true");
    }

    private CandleChartPng() {
    }

    /** The chart as PNG bytes of {@value #WIDTH}×{@value #HEIGHT} pixels. */
    public static byte[] png(CandleChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image(chart), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("the chart of " + chart.symbol() + " could not be encoded as PNG", e);
        }
        return out.toByteArray();
    }

    /** The geometry the chart is drawn with: price range over the bars, the overlays and the fills. */
    public static ChartLayout layout(CandleChart chart, ChartOverlays overlays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Bar bar : chart.bars()) {
            lo = Math.min(lo, bar.low());
            hi = Math.max(hi, bar.high());
        }
        for (List<Double> line : List.of(overlays.vwap(), overlays.ema9(), overlays.ema21(), overlays.sma20())) {
            for (double v : line) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (CandleChart.TradeMark trade : chart.trades()) {
            lo = Math.min(lo, trade.price());
            hi = Math.max(hi, trade.price());
        }
        return new ChartLayout(WIDTH, HEIGHT, chart.bars().size(), AxisTicks.covering(lo, hi, 8));
    }

    public static BufferedImage image(CandleChart chart) {
        ChartOverlays overlays = ChartOverlays.of(chart.bars());
        ChartLayout layout = layout(chart, overlays);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            title(g, chart);
            if (chart.bars().isEmpty()) {
                g.setColor(AXIS);
                g.drawString("No bars yet for " + chart.symbol() + " in the session of " + chart.session() + ".", 40, HEIGHT / 2);
                return image;
            }
            patternBand(g, chart, layout);
            priceAxis(g, layout);
            timeAxis(g, chart, layout);
            candles(g, chart, layout);
            // lines anti-aliased; candles and bands stay crisp so their pixels are exactly their colours
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setStroke(new BasicStroke(1.6f));
            line(g, layout, overlays.sma20(), SMA20);
            line(g, layout, overlays.ema21(), EMA21);
            line(g, layout, overlays.ema9(), EMA9);
            line(g, layout, overlays.vwap(), VWAP);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            trades(g, chart, layout);
            return image;
        } finally {
            g.dispose();
        }
    }

    private static void title(Graphics2D g, CandleChart chart) {
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
        g.drawString(chart.symbol() + "  " + chart.session() + "  1-minute bars (New York time, USD)", ChartLayout.LEFT, 18);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        int x = ChartLayout.LEFT;
        Object[][] legend = {{"VWAP", VWAP}, {"EMA 9", EMA9}, {"EMA 21", EMA21}, {"SMA 20", SMA20}, {"entry", ENTRY}, {"exit", EXIT}};
        for (Object[] item : legend) {
            g.setColor((Color) item[1]);
            g.fillRect(x, 28, 14, 4);
            g.setColor(AXIS);
            g.drawString((String) item[0], x + 18, 34);
            x += 30 + g.getFontMetrics().stringWidth((String) item[0]);
        }
        if (chart.pattern() != null) {
            g.setColor(PATTERN);
            g.fillRect(x, 24, 14, 12);
            g.setColor(AXIS);
            g.drawString("pattern: " + chart.pattern().type() + " (" + chart.pattern().direction() + ")", x + 18, 34);
        }
    }

    /** The pattern's bars shaded over the plot's full height, behind everything else. */
    private static void patternBand(Graphics2D g, CandleChart chart, ChartLayout layout) {
        int[] range = patternBars(chart);
        if (range == null) {
            return;
        }
        int left = (int) Math.floor(layout.x(range[0]) - layout.slot() / 2);
        int right = (int) Math.ceil(layout.x(range[1]) + layout.slot() / 2);
        g.setColor(PATTERN);
        g.fillRect(left, layout.plotTop(), right - left, layout.plotBottom() - layout.plotTop());
    }

    /** The first and last bar index of the pattern, or null when there is none or it lies outside the bars. */
    public static int[] patternBars(CandleChart chart) {
        if (chart.pattern() == null || chart.pattern().firstBar() == null || chart.pattern().lastBar() == null) {
            return null;
        }
        int first = chart.barIndexAt(chart.pattern().firstBar());
        int last = chart.barIndexAt(chart.pattern().lastBar());
        if (first < 0 && last < 0) {
            return null;
        }
        return new int[] {Math.max(0, first), last < 0 ? chart.bars().size() - 1 : last};
    }

    private static void priceAxis(Graphics2D g, ChartLayout layout) {
        for (double price : layout.prices().values()) {
            int y = (int) Math.round(layout.y(price));
            g.setColor(GRID);
            g.drawLine(layout.plotLeft(), y, layout.plotRight(), y);
            g.setColor(AXIS);
            g.drawLine(layout.plotRight(), y, layout.plotRight() + 4, y);
            g.drawString(layout.prices().label(price), layout.plotRight() + 7, y + 4);
        }
        g.setColor(AXIS);
        g.drawLine(layout.plotRight(), layout.plotTop(), layout.plotRight(), layout.plotBottom());
    }

    /** A label every half hour of bars (or fewer when the bars are few), HH:mm in New York time. */
    private static void timeAxis(Graphics2D g, CandleChart chart, ChartLayout layout) {
        g.setColor(AXIS);
        g.drawLine(layout.plotLeft(), layout.plotBottom(), layout.plotRight(), layout.plotBottom());
        int every = Math.max(1, (int) Math.ceil(chart.bars().size() / 10.0 / 5.0) * 5);
        for (int i = 0; i < chart.bars().size(); i += every) {
            int x = (int) Math.round(layout.x(i));
            g.drawLine(x, layout.plotBottom(), x, layout.plotBottom() + 4);
            String label = TIME.format(chart.bars().get(i).time());
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, layout.plotBottom() + 18);
        }
        g.drawString("time (New York), bar end", layout.plotLeft(), HEIGHT - 6);
    }

    private static void candles(Graphics2D g, CandleChart chart, ChartLayout layout) {
        int body = layout.bodyWidth();
        for (int i = 0; i < chart.bars().size(); i++) {
            Bar bar = chart.bars().get(i);
            g.setColor(bar.close() >= bar.open() ? UP : DOWN);
            int x = (int) Math.round(layout.x(i));
            g.drawLine(x, (int) Math.round(layout.y(bar.high())), x, (int) Math.round(layout.y(bar.low())));
            int top = (int) Math.round(layout.y(Math.max(bar.open(), bar.close())));
            int bottom = (int) Math.round(layout.y(Math.min(bar.open(), bar.close())));
            g.fillRect(x - body / 2, top, body, Math.max(1, bottom - top));
        }
    }

    private static void line(Graphics2D g, ChartLayout layout, List<Double> values, Color colour) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            if (drawing) {
                path.lineTo(layout.x(i), layout.y(v));
            } else {
                path.moveTo(layout.x(i), layout.y(v));
                drawing = true;
            }
        }
        g.setColor(colour);
        g.draw(path);
    }

    /** A buy is a triangle pointing up with its tip at the fill price, a sell one pointing down; entries and exits differ in colour. */
    private static void trades(Graphics2D g, CandleChart chart, ChartLayout layout) {
        for (CandleChart.TradeMark trade : chart.trades()) {
            int bar = chart.barIndexAt(trade.time());
            if (bar < 0) {
                continue;
            }
            int x = (int) Math.round(layout.x(bar));
            int y = (int) Math.round(layout.y(trade.price()));
            int direction = "sell".equalsIgnoreCase(trade.side()) ? -1 : 1;
            Polygon triangle = new Polygon(new int[] {x, x - MARKER, x + MARKER},
                    new int[] {y, y + direction * 2 * MARKER, y + direction * 2 * MARKER}, 3);
            g.setColor(trade.entry() ? ENTRY : EXIT);
            g.fillPolygon(triangle);
            g.setColor(Color.BLACK);
            g.drawPolygon(triangle);
        }
    }
}
