package com.catalyst.scanner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each configurable filter of the scanner on a hand-made market: a symbol just above the minimum passes, one below
 * is counted under that filter, and 0 turns the filter off.
 */
class MarketScannerFiltersTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 1, 6);
    private static final Instant OPEN = ZonedDateTime.of(SESSION, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
    private static final int BARS = 60;
    private static final Instant AS_OF = OPEN.plusSeconds(60L * BARS);
    private static final long AVERAGE_DAILY_VOLUME = 3_900_000; // 10,000 shares a minute on an ordinary day

    private final FakeMarket market = new FakeMarket();

    @Test
    void relativeVolumeBelowTheMinimumIsRejected() {
        market.add("BUSY", shape().volumePerBar(20_000));   // twice the usual pace
        market.add("QUIET", shape().volumePerBar(12_000));  // 1.2 times
        ScanResponse scan = scan(settings(1.5, 0, 0, 0));
        assertThat(symbols(scan)).containsExactly("BUSY");
        assertThat(scan.rejectedBy()).containsEntry("relative_volume", 1);
        assertThat(scan.candidates().get(0).relativeVolume()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(symbols(scan(settings(0, 0, 0, 0)))).containsExactlyInAnyOrder("BUSY", "QUIET");
    }

    @Test
    void theGapIsSignedSoAGapDownNeverPassesAMinimum() {
        market.add("GAPUP", shape().gapPercent(3));
        market.add("FLAT", shape().gapPercent(0.5));
        market.add("GAPDOWN", shape().gapPercent(-4));
        ScanResponse scan = scan(settings(0, 2, 0, 0));
        assertThat(symbols(scan)).containsExactly("GAPUP");
        assertThat(scan.rejectedBy()).containsEntry("gap", 2);
        assertThat(scan.candidates().get(0).gapPercent()).isCloseTo(3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scan(settings(0, 0, 0, 0)).passedFilters()).isEqualTo(3);
    }

    @Test
    void momentumOverTheLookBackBelowTheMinimumIsRejected() {
        market.add("RUNNER", shape().climbPercentPerBar(0.05));  // about 1.5 % over 30 bars
        market.add("DRIFTER", shape().climbPercentPerBar(0.01)); // about 0.3 %
        ScanResponse scan = scan(settings(0, 0, 1.0, 0));
        assertThat(symbols(scan)).containsExactly("RUNNER");
        assertThat(scan.rejectedBy()).containsEntry("momentum", 1);
        assertThat(scan.candidates().get(0).momentumPercent()).isBetween(1.4, 1.6);
        assertThat(scan(settings(0, 0, 0, 0)).passedFilters()).isEqualTo(2);
    }

    @Test
    void atrPercentIsTheFourteenBarAtrOfTheSessionOverThePrice() {
        market.add("WIDE", shape().rangePercent(0.4));
        market.add("NARROW", shape().rangePercent(0.1));
        ScanResponse scan = scan(settings(0, 0, 0, 0.25));
        assertThat(symbols(scan)).containsExactly("WIDE");
        assertThat(scan.rejectedBy()).containsEntry("atr", 1);
        // flat closes and a constant range: every true range, hence the ATR, is the range itself
        assertThat(scan.candidates().get(0).atrPercent()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scan(settings(0, 0, 0, 0)).passedFilters()).isEqualTo(2);
    }

    @Test
    void aSymbolIsCountedUnderTheFirstFilterItFailsAndEveryFilterIsListed() {
        market.add("GOOD", shape().volumePerBar(20_000).gapPercent(3).climbPercentPerBar(0.05).rangePercent(0.4));
        market.add("CHEAP", shape().price(2));
        market.add("THIN", shape().volumePerBar(20_000).averageDailyVolume(100_000));
        market.add("NEW", shape().bars(10));
        market.add("SLOW", shape().volumePerBar(20_000).gapPercent(3).climbPercentPerBar(0.05).rangePercent(0.1));
        ScanResponse scan = scan(new ScannerSettings(5, 500, 500_000, 30, 1.5, 2, 1, 0.25));
        assertThat(symbols(scan)).containsExactly("GOOD");
        assertThat(scan.scanned()).isEqualTo(5);
        assertThat(scan.passedFilters()).isEqualTo(1);
        assertThat(scan.rejectedBy()).containsExactly(Map.entry("bars", 1), Map.entry("price", 1), Map.entry("average_volume", 1),
                Map.entry("relative_volume", 0), Map.entry("gap", 0), Map.entry("momentum", 0), Map.entry("atr", 1));
        assertThat(scan.candidates().get(0).atrPercent()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.01));
        assertThat(scan.candidates().get(0).metadataJson()).contains("\"atr_percent\":0.39");
    }

    @Test
    void theTopLimitKeepsTheBestRankedWithEveryComponent() {
        for (int i = 0; i < 120; i++) {
            market.add("S" + i, shape().climbPercentPerBar(0.0005 * i));
        }
        ScanResponse scan = scan(settings(0, 0, 0, 0), 100);
        assertThat(scan.passedFilters()).isEqualTo(120);
        assertThat(scan.candidates()).hasSize(100);
        assertThat(scan.candidates().get(0).symbol()).isEqualTo("S119");
        assertThat(scan.candidates()).extracting(ScanCandidate::rank).startsWith(1, 2, 3).endsWith(100);
        assertThat(scan.candidates().get(0).metadataJson()).contains("\"momentum_percent\":", "\"relative_volume\":", "\"gap_percent\":");
    }

    @Test
    void watchlistSymbolsAreRankedAfterTheTopEvenWhenAFilterDropsThem() {
        market.add("GOOD", shape().volumePerBar(20_000).gapPercent(3).climbPercentPerBar(0.05).rangePercent(0.4));
        market.add("BETTER", shape().volumePerBar(30_000).gapPercent(3).climbPercentPerBar(0.06).rangePercent(0.4));
        market.add("CHEAP", shape().price(2));
        market.add("SLOW", shape().volumePerBar(20_000).gapPercent(3).climbPercentPerBar(0.05).rangePercent(0.1));
        market.add("NEW", shape().bars(10));
        ScannerSettings settings = new ScannerSettings(5, 500, 500_000, 30, 1.5, 2, 1, 0.25);
        ScanResponse scan = new MarketScanner(market, settings).scanWithWatchlist(new ScanRequest("c-1", SESSION, AS_OF, 1),
                List.of("SLOW", "CHEAP", "GOOD", "NEW", "NOPE"));

        // the top (1) first, then the watchlist symbols the cut or a filter left out, best composite first
        assertThat(symbols(scan).subList(0, 1)).containsExactly("BETTER");
        assertThat(scan.candidates()).extracting(ScanCandidate::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(scan.candidates().subList(1, 5)).allMatch(ScanCandidate::watchlist)
                .extracting(ScanCandidate::symbol).containsExactlyInAnyOrder("GOOD", "SLOW", "CHEAP", "NEW");
        assertThat(scan.candidates().get(0).watchlist()).isFalse();
        Map<String, String> filteredBy = new HashMap<>();
        scan.candidates().forEach(c -> filteredBy.put(c.symbol(), String.valueOf(c.filteredBy())));
        assertThat(filteredBy).containsEntry("GOOD", "null").containsEntry("SLOW", "atr").containsEntry("CHEAP", "price")
                .containsEntry("NEW", "bars");
        // the funnel's counts are the filters' own: the watchlist changes what is shown, not what passed
        assertThat(scan.passedFilters()).isEqualTo(2);
        assertThat(scan.rejectedBy()).containsEntry("atr", 1).containsEntry("price", 1).containsEntry("bars", 1);
        // only the candidates that passed every filter go on through the cycle; a symbol the market lacks is named
        assertThat(scan.tradeable()).extracting(ScanCandidate::symbol).containsExactly("BETTER", "GOOD");
        assertThat(scan.watchlistMissing()).containsExactly("NOPE");
        ScanCandidate young = scan.candidates().stream().filter(c -> c.symbol().equals("NEW")).findFirst().orElseThrow();
        assertThat(young.momentumPercent()).isNaN();
        assertThat(young.compositeScore()).isFinite();
        assertThat(young.metadataJson()).doesNotContain("NaN").doesNotContain("momentum_percent")
                .contains("\"watchlist\":true,\"filtered_by\":\"bars\"");
    }

    @Test
    void aWatchlistSymbolInTheTopIsMarkedAndNotRepeated() {
        market.add("GOOD", shape().volumePerBar(20_000));
        market.add("OTHER", shape());
        ScanResponse scan = new MarketScanner(market, settings(0, 0, 0, 0)).scanWithWatchlist(new ScanRequest(null, SESSION, AS_OF, 5), List.of("GOOD"));
        assertThat(symbols(scan)).containsExactly("GOOD", "OTHER");
        assertThat(scan.candidates().get(0).watchlist()).isTrue();
        assertThat(scan.candidates().get(0).filteredBy()).isNull();
        assertThat(scan.candidates().get(1).watchlist()).isFalse();
        assertThat(scan.watchlistMissing()).isEmpty();
    }

    @Test
    void withoutAWatchlistTheScanIsTheRankingAlone() {
        market.add("CHEAP", shape().price(2));
        ScanResponse scan = scan(settings(0, 0, 0, 0));
        assertThat(scan.candidates()).isEmpty();
        assertThat(scan.watchlistMissing()).isEmpty();
    }

    @Test
    void negativeMinimumsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> settings(-1, 0, 0, 0)).hasMessageContaining("min-relative-volume");
        assertThatThrownBy(() -> settings(0, 0, 0, Double.NaN)).hasMessageContaining("min-atr-percent");
    }

    private ScanResponse scan(ScannerSettings settings) {
        return scan(settings, 100);
    }

    private ScanResponse scan(ScannerSettings settings, int limit) {
        return new MarketScanner(market, settings).scan(new ScanRequest(null, SESSION, AS_OF, limit));
    }

    private static ScannerSettings settings(double relativeVolume, double gap, double momentum, double atr) {
        return new ScannerSettings(5, 500, 500_000, 30, relativeVolume, gap, momentum, atr);
    }

    private static List<String> symbols(ScanResponse scan) {
        return scan.candidates().stream().map(ScanCandidate::symbol).toList();
    }

    private static Shape shape() {
        return new Shape(100, 0, 0, 0.2, 10_000, AVERAGE_DAILY_VOLUME, BARS);
    }

    /** How one symbol's session looks: price, gap, climb per bar, bar range (all percent), volumes and bar count. */
    private record Shape(double price, double gapPercent, double climbPercentPerBar, double rangePercent, long volumePerBar,
                         long averageDailyVolume, int bars) {
        Shape price(double p) { return new Shape(p, gapPercent, climbPercentPerBar, rangePercent, volumePerBar, averageDailyVolume, bars); }
        Shape gapPercent(double g) { return new Shape(price, g, climbPercentPerBar, rangePercent, volumePerBar, averageDailyVolume, bars); }
        Shape climbPercentPerBar(double c) { return new Shape(price, gapPercent, c, rangePercent, volumePerBar, averageDailyVolume, bars); }
        Shape rangePercent(double r) { return new Shape(price, gapPercent, climbPercentPerBar, r, volumePerBar, averageDailyVolume, bars); }
        Shape volumePerBar(long v) { return new Shape(price, gapPercent, climbPercentPerBar, rangePercent, v, averageDailyVolume, bars); }
        Shape averageDailyVolume(long v) { return new Shape(price, gapPercent, climbPercentPerBar, rangePercent, volumePerBar, v, bars); }
        Shape bars(int n) { return new Shape(price, gapPercent, climbPercentPerBar, rangePercent, volumePerBar, averageDailyVolume, n); }
    }

    /** A market whose sessions follow their shapes exactly: the open is the gap, then a steady climb. */
    private static final class FakeMarket implements MarketDataPort {
        private final Map<String, Shape> shapes = new HashMap<>();
        private final List<SecurityInfo> universe = new ArrayList<>();

        void add(String symbol, Shape shape) {
            shapes.put(symbol, shape);
            universe.add(new SecurityInfo(symbol, symbol, 1, "TEST"));
        }

        @Override
        public List<SecurityInfo> universe() {
            return universe;
        }

        @Override
        public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
            Shape s = shapes.get(symbol);
            List<Bar> bars = new ArrayList<>();
            double close = s.price() * (1 + s.gapPercent() / 100);
            for (int i = 1; i <= s.bars(); i++) {
                double open = close;
                close = open * (1 + s.climbPercentPerBar() / 100);
                // a range centred on the close, so with no climb every true range equals it
                double half = close * s.rangePercent() / 200;
                bars.add(new Bar(OPEN.plusSeconds(60L * i), open, Math.max(open, close + half), Math.min(open, close - half), close,
                        s.volumePerBar()));
            }
            return bars;
        }

        @Override
        public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
            Shape s = shapes.get(symbol);
            List<Bar> days = new ArrayList<>();
            for (int i = count; i >= 1; i--) {
                Instant end = OPEN.minusSeconds(86_400L * i);
                days.add(new Bar(end, s.price(), s.price() * 1.01, s.price() * 0.99, s.price(), s.averageDailyVolume()));
            }
            return days;
        }
    }
}
