package com.catalyst.reporting.chart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.reporting.ClosedTrade;
import com.catalyst.reporting.PerformanceCalculator;
import com.catalyst.reporting.PerformanceReport;
import com.catalyst.reporting.ReportPage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-day report page carries each traded symbol's session chart as an inline PNG with the trade marked on it. */
class ReportChartsTest {

    final MarketDataPort market = new MarketDataPort() {
        @Override
        public List<SecurityInfo> universe() {
            return List.of();
        }

        @Override
        public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
            return CandleChartPngTest.bars();
        }

        @Override
        public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
            return List.of();
        }
    };

    @Test
    void aDailyPageDrawsTheTradedSymbolsSessionWithItsEntryAndExit() throws Exception {
        Instant opened = CandleChartPngTest.FIRST_END.plusSeconds(60 * 12 - 30);
        Instant closed = CandleChartPngTest.FIRST_END.plusSeconds(60 * 40 - 10);
        ClosedTrade trade = new ClosedTrade(1, "AAPL", "bull_flag", "long", 10, new BigDecimal("103.00"), new BigDecimal("110.50"),
                new BigDecimal("75.00"), opened, closed);
        PerformanceReport report = new PerformanceCalculator(new BigDecimal("10000"))
                .calculate("daily", CandleChartPngTest.SESSION, CandleChartPngTest.SESSION, List.of(trade), List.of());

        List<CandleChart> charts = ReportCharts.of(report, market, closed, 8);
        assertThat(charts).singleElement().satisfies(c -> {
            assertThat(c.symbol()).isEqualTo("AAPL");
            assertThat(c.trades()).extracting(CandleChart.TradeMark::entry).containsExactly(true, false);
        });

        String page = ReportPage.render(report, charts);
        String prefix = "id=\"session-chart-AAPL\"";
        assertThat(page).contains(prefix);
        int start = page.indexOf("data:image/png;base64,", page.indexOf(prefix)) + "data:image/png;base64,".length();
        byte[] png = Base64.getDecoder().decode(page.substring(start, page.indexOf('"', start)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ChartLayout layout = CandleChartPng.layout(charts.get(0), ChartOverlays.of(charts.get(0).bars()));
        // the same marks as get_chart's: the entry below its fill price on bar 12, the exit above its price on bar 40
        assertThat(image.getRGB((int) Math.round(layout.x(12)), (int) Math.round(layout.y(103.0)) + 8)).isEqualTo(CandleChartPng.ENTRY.getRGB());
        assertThat(image.getRGB((int) Math.round(layout.x(40)), (int) Math.round(layout.y(110.5)) - 8)).isEqualTo(CandleChartPng.EXIT.getRGB());
    }

    @Test
    void aPeriodPageHasNoSessionCharts() {
        PerformanceReport report = new PerformanceCalculator(new BigDecimal("10000"))
                .calculate("period", CandleChartPngTest.SESSION, CandleChartPngTest.SESSION.plusDays(1), List.of(), List.of());
        assertThat(ReportCharts.of(report, market, Instant.now(), 8)).isEmpty();
    }
}
