package com.catalyst.reporting.chart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart decoded back from its PNG bytes shows what it says: candles in their colours at their prices, the
 * pattern's bars shaded and only those, entry and exit markers at their fill prices, a blank chart when no bars exist.
 */
class CandleChartPngTest {

    // 2026-03-02 is in EST: 14:31Z is the end of the 09:30 bar
    static final Instant FIRST_END = Instant.parse("2026-03-02T14:31:00Z");
    static final LocalDate SESSION = LocalDate.of(2026, 3, 2);

    /** 60 bars rising in a zig-zag: even bars up (open 100 + i/4, close 1 higher), odd bars down. */
    static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double base = 100 + i / 4.0;
            double open = i % 2 == 0 ? base : base + 1;
            double close = i % 2 == 0 ? base + 1 : base;
            bars.add(new Bar(FIRST_END.plusSeconds(60L * i), open, base + 1.3, base - 0.3, close, 10_000 + i));
        }
        return bars;
    }

    static CandleChart chart() {
        return new CandleChart("AAPL", SESSION, bars(),
                new CandleChart.PatternMark("bull_flag", "bullish", FIRST_END.plusSeconds(60 * 10), FIRST_END.plusSeconds(60 * 20)),
                List.of(new CandleChart.TradeMark(FIRST_END.plusSeconds(60 * 12 - 30), 103.0, "buy", true),
                        new CandleChart.TradeMark(FIRST_END.plusSeconds(60 * 40 - 10), 110.5, "sell", false)));
    }

    @Test
    void isAPngOfTheAnnouncedSize() throws Exception {
        byte[] png = CandleChartPng.png(chart());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(CandleChartPng.WIDTH);
        assertThat(image.getHeight()).isEqualTo(CandleChartPng.HEIGHT);
    }

    @Test
    void candleBodiesAreDrawnInTheirColourBetweenOpenAndClose() throws Exception {
        CandleChart chart = chart();
        BufferedImage image = decode(chart);
        ChartLayout layout = CandleChartPng.layout(chart, ChartOverlays.of(chart.bars()));
        for (int i : new int[] {30, 31, 50, 51}) {
            Bar bar = chart.bars().get(i);
            Color expected = bar.close() >= bar.open() ? CandleChartPng.UP : CandleChartPng.DOWN;
            // the body's left third, across its height: the overlay lines may cross it, but not most of it
            int x = (int) Math.round(layout.x(i)) - layout.bodyWidth() / 2 + 1;
            int top = (int) Math.round(layout.y(Math.max(bar.open(), bar.close()))) + 1;
            int bottom = (int) Math.round(layout.y(Math.min(bar.open(), bar.close()))) - 1;
            assertThat(bottom - top).as("bar %d's body in pixels", i).isGreaterThan(5);
            assertThat(share(image, x, top, bottom, expected)).as("bar %d", i).isGreaterThan(0.7);
            // just above the high there is no candle colour
            int aboveHigh = (int) Math.round(layout.y(bar.high())) - 3;
            assertThat(new Color(image.getRGB((int) Math.round(layout.x(i)), aboveHigh))).isNotIn(CandleChartPng.UP, CandleChartPng.DOWN);
        }
    }

    @Test
    void thePatternsBarsAreShadedAndNoOthers() throws Exception {
        CandleChart chart = chart();
        BufferedImage image = decode(chart);
        ChartLayout layout = CandleChartPng.layout(chart, ChartOverlays.of(chart.bars()));
        assertThat(CandleChartPng.patternBars(chart)).containsExactly(10, 20);
        // the gaps between candles, down the plot's height: inside the band mostly its colour, outside none of it
        for (int i = 10; i < 20; i++) {
            int gap = (int) Math.round(layout.x(i) + layout.slot() / 2);
            assertThat(share(image, gap, layout.plotTop() + 1, layout.plotBottom() - 1, CandleChartPng.PATTERN)).as("bar %d", i).isGreaterThan(0.6);
        }
        for (int i : new int[] {3, 8, 21, 45}) {
            int gap = (int) Math.round(layout.x(i) + layout.slot() / 2);
            assertThat(share(image, gap, layout.plotTop() + 1, layout.plotBottom() - 1, CandleChartPng.PATTERN)).as("bar %d", i).isZero();
        }
    }

    @Test
    void entriesAndExitsAreMarkedAtTheirFillPrices() throws Exception {
        CandleChart chart = chart();
        BufferedImage image = decode(chart);
        ChartLayout layout = CandleChartPng.layout(chart, ChartOverlays.of(chart.bars()));
        // the buy: an up triangle whose tip is at 103.00 on bar 12 (the fill 30 s before that bar's end)
        int entryY = (int) Math.round(layout.y(103.0));
        assertThat(new Color(image.getRGB((int) Math.round(layout.x(12)), entryY + 8))).isEqualTo(CandleChartPng.ENTRY);
        // the sell: a down triangle above 110.50 on bar 40
        int exitY = (int) Math.round(layout.y(110.5));
        assertThat(new Color(image.getRGB((int) Math.round(layout.x(40)), exitY - 8))).isEqualTo(CandleChartPng.EXIT);
        assertThat(new Color(image.getRGB((int) Math.round(layout.x(40)), exitY + 12))).isNotEqualTo(CandleChartPng.EXIT);
    }

    @Test
    void priceAxisCoversEveryBar() {
        CandleChart chart = chart();
        ChartLayout layout = CandleChartPng.layout(chart, ChartOverlays.of(chart.bars()));
        double low = chart.bars().stream().mapToDouble(Bar::low).min().orElseThrow();
        double high = chart.bars().stream().mapToDouble(Bar::high).max().orElseThrow();
        assertThat(layout.prices().low()).isLessThanOrEqualTo(low);
        assertThat(layout.prices().high()).isGreaterThanOrEqualTo(high);
        assertThat(layout.y(layout.prices().high())).isEqualTo(layout.plotTop());
    }

    @Test
    void itsColoursDifferFromTheReportPagesChartColours() {
        // ReportingIT finds the SVG charts in a screenshot by colour, 12 levels a channel either way
        for (java.awt.Color chart : List.of(CandleChartPng.UP, CandleChartPng.DOWN, CandleChartPng.VWAP, CandleChartPng.EMA9, CandleChartPng.EMA21,
                CandleChartPng.SMA20, CandleChartPng.ENTRY, CandleChartPng.EXIT, CandleChartPng.PATTERN)) {
            for (String page : List.of(com.catalyst.reporting.ReportPage.EQUITY_COLOUR, com.catalyst.reporting.ReportPage.DRAWDOWN_COLOUR,
                    com.catalyst.reporting.ReportPage.GAIN_COLOUR, com.catalyst.reporting.ReportPage.LOSS_COLOUR)) {
                java.awt.Color svg = java.awt.Color.decode(page);
                int distance = Math.max(Math.abs(chart.getRed() - svg.getRed()), Math.max(Math.abs(chart.getGreen() - svg.getGreen()),
                        Math.abs(chart.getBlue() - svg.getBlue())));
                assertThat(distance).as("%s vs %s", chart, page).isGreaterThan(24);
            }
        }
    }

    @Test
    void aSessionWithoutBarsStillGivesAnImage() throws Exception {
        BufferedImage image = decode(new CandleChart("AAPL", SESSION, List.of(), null, List.of()));
        assertThat(image.getWidth()).isEqualTo(CandleChartPng.WIDTH);
    }

    @Test
    void overlaysFollowThePipelinesIndicators() {
        ChartOverlays overlays = ChartOverlays.of(bars());
        assertThat(overlays.ema9().get(7)).isNaN();
        assertThat(overlays.ema9().get(8)).isFinite();
        assertThat(overlays.sma20().get(19)).isCloseTo(bars().subList(0, 20).stream().mapToDouble(Bar::close).average().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-9));
        Bar first = bars().get(0);
        assertThat(overlays.vwap().get(0)).isCloseTo(first.typicalPrice(), org.assertj.core.api.Assertions.within(1e-9));
    }

    private static BufferedImage decode(CandleChart chart) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(CandleChartPng.png(chart)));
    }

    private static double share(BufferedImage image, int x, int fromY, int toY, Color colour) {
        int hits = 0;
        for (int y = fromY; y <= toY; y++) {
            if (image.getRGB(x, y) == colour.getRGB()) {
                hits++;
            }
        }
        return hits / (double) (toY - fromY + 1);
    }
}
