package com.catalyst.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.catalyst.market.Bar;
import com.catalyst.market.FakeMarketData;

class MarketScannerTest {

    private static final LocalDate SESSION = LocalDate.of(2026, 3, 10);
    private static final Instant OPEN = Instant.parse("2026-03-10T13:30:00Z"); // 09:30 EDT
    private static final Instant AFTER_TEN_BARS = OPEN.plusSeconds(600);
    private static final ScannerSettings SETTINGS = new ScannerSettings(5, 500, 100_000, 5);

    /** Minute bars ending one minute apart after the open: each opens at the previous close, the first at {@code firstOpen}. */
    static List<Bar> minutes(double firstOpen, long volumeEach, double... closes) {
        List<Bar> bars = new ArrayList<>();
        double open = firstOpen;
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            bars.add(new Bar(OPEN.plusSeconds(60L * (i + 1)), open, Math.max(open, c) + 0.01, Math.min(open, c) - 0.01, c, volumeEach));
            open = c;
        }
        return bars;
    }

    /** Twenty daily bars before the session, all closing at {@code close} on {@code volume} shares. */
    static List<Bar> daily(double close, long volume) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            bars.add(new Bar(OPEN.minusSeconds(86_400L * i), close, close + 1, close - 1, close, volume));
        }
        return bars;
    }

    private static ScanRequest request(int limit) {
        return new ScanRequest("c-1", SESSION, AFTER_TEN_BARS, limit);
    }

    @Test
    void scoresMomentumVolumeGapAndTechnicalFromTheBars() {
        // ten bars: reference (5 bars back) closes at 100, last at 101 (+1 %); opened at 101 over a previous close of 100 (+1 %)
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("UP", minutes(101, 2_000, 100.5, 100.2, 100.1, 100.0, 100.0, 100.3, 100.6, 100.8, 101.2, 101.0), daily(100, 390_000));
        ScanResponse response = new MarketScanner(market, SETTINGS).scan(request(10));

        assertThat(response.candidates()).hasSize(1);
        ScanCandidate c = response.candidates().get(0);
        assertThat(c.symbol()).isEqualTo("UP");
        assertThat(c.price()).isEqualTo(101.0);
        assertThat(c.volume()).isEqualTo(20_000);
        assertThat(c.momentumPercent()).isCloseTo(1.0, within(1e-9));
        assertThat(c.momentumScore()).isCloseTo(50.0, within(1e-9));           // 1 % of the 2 % that scores 100
        // 20,000 traded against 390,000 × 10/390 = 10,000 expected so far
        assertThat(c.relativeVolume()).isCloseTo(2.0, within(1e-9));
        // half relative volume (2/3 of the way to 3×), half liquidity (390k of 10M)
        assertThat(c.volumeScore()).isCloseTo((0.5 * (2.0 / 3) + 0.5 * 0.039) * 100, within(1e-9));
        assertThat(c.gapPercent()).isCloseTo(1.0, within(1e-9));
        assertThat(c.technicalScore()).isCloseTo((50 + 100.0 / 3) / 2, within(1e-9)); // momentum and gap (1 % of 3 %)
        assertThat(c.catalystScore()).isZero();
        assertThat(c.compositeScore()).isCloseTo(0.2 * c.momentumScore() + 0.2 * c.volumeScore() + 0.3 * c.technicalScore(), within(1e-9));
        assertThat(c.rank()).isEqualTo(1);
    }

    @Test
    void compositeWeighsCatalystMomentumVolumeAndTechnicalThreeTwoTwoThree() {
        assertThat(ScanCandidate.composite(100, 0, 0, 0)).isCloseTo(30, within(1e-9));
        assertThat(ScanCandidate.composite(0, 100, 0, 0)).isCloseTo(20, within(1e-9));
        assertThat(ScanCandidate.composite(0, 0, 100, 0)).isCloseTo(20, within(1e-9));
        assertThat(ScanCandidate.composite(0, 0, 0, 100)).isCloseTo(30, within(1e-9));
        assertThat(ScanCandidate.composite(80, 60, 40, 20)).isCloseTo(24 + 12 + 8 + 6, within(1e-9));
    }

    @Test
    void aCatalystRaisesTheCompositeByThreeTenthsOfItsScore() {
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("UP", minutes(101, 2_000, 100.5, 100.2, 100.1, 100.0, 100.0, 100.3, 100.6, 100.8, 101.2, 101.0), daily(100, 390_000));
        ScanCandidate c = new MarketScanner(market, SETTINGS).scan(request(1)).candidates().get(0);
        ScanCandidate withNews = c.withCatalyst(80);
        assertThat(withNews.catalystScore()).isEqualTo(80);
        assertThat(withNews.compositeScore()).isCloseTo(c.compositeScore() + 24, within(1e-9));
        assertThat(withNews.rank()).isEqualTo(c.rank());
    }

    @Test
    void filtersOnPriceAverageVolumeAndBarCount() {
        double[] rising = {10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9, 11.0};
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("OK", minutes(10, 5_000, rising), daily(10, 1_000_000))
                .add("CHEAP", minutes(4, 5_000, 4.1, 4.2, 4.3, 4.4, 4.5, 4.6, 4.7, 4.8, 4.9, 4.95), daily(4, 1_000_000))
                .add("PRICEY", minutes(600, 5_000, 601, 602, 603, 604, 605, 606, 607, 608, 609, 610), daily(600, 1_000_000))
                .add("THIN", minutes(10, 5_000, rising), daily(10, 99_999))
                .add("SHORT", minutes(10, 5_000, 10.1, 10.2, 10.3, 10.4, 10.5), daily(10, 1_000_000))
                .add("NODAILY", minutes(10, 5_000, rising), List.of());
        ScanResponse response = new MarketScanner(market, SETTINGS).scan(request(10));

        assertThat(response.scanned()).isEqualTo(6);
        assertThat(response.passedFilters()).isEqualTo(1);
        assertThat(response.candidates()).extracting(ScanCandidate::symbol).containsExactly("OK");
    }

    @Test
    void theBoundsOfThePriceRangeAreInside() {
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("MIN", minutes(5, 5_000, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5.0), daily(5, 1_000_000))
                .add("MAX", minutes(500, 5_000, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500.0), daily(500, 1_000_000));
        assertThat(new MarketScanner(market, SETTINGS).scan(request(10)).candidates()).hasSize(2);
    }

    @Test
    void onlyBarsEndedByAsOfCount() {
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("OK", minutes(10, 5_000, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 10.7, 10.8, 10.9, 11.0), daily(10, 1_000_000));
        MarketScanner scanner = new MarketScanner(market, SETTINGS);
        // five bars ended by 09:35: not more than the momentum look-back
        assertThat(scanner.scan(new ScanRequest("c", SESSION, OPEN.plusSeconds(300), 5)).candidates()).isEmpty();
        ScanCandidate atSeven = scanner.scan(new ScanRequest("c", SESSION, OPEN.plusSeconds(420), 5)).candidates().get(0);
        assertThat(atSeven.price()).isEqualTo(10.7);
    }

    @Test
    void rankingIsByCompositeBestFirstWithRanksOneToN() {
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("FLAT", minutes(50, 5_000, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50.0), daily(50, 1_000_000))
                .add("SOME", minutes(50, 5_000, 50, 50, 50, 50, 50, 50.1, 50.2, 50.3, 50.4, 50.5), daily(50, 1_000_000))
                .add("MORE", minutes(50, 5_000, 50, 50, 50, 50, 50, 50.2, 50.4, 50.6, 50.8, 50.9), daily(50, 1_000_000))
                .add("DOWN", minutes(50, 5_000, 50, 50, 50, 50, 50, 49.8, 49.6, 49.4, 49.2, 49.0), daily(50, 1_000_000));
        ScanResponse response = new MarketScanner(market, SETTINGS).scan(request(10));

        assertThat(response.candidates()).extracting(ScanCandidate::symbol).containsExactly("MORE", "SOME", "DOWN", "FLAT");
        assertThat(response.candidates()).extracting(ScanCandidate::rank).containsExactly(1, 2, 3, 4);
        for (int i = 1; i < response.candidates().size(); i++) {
            assertThat(response.candidates().get(i - 1).compositeScore())
                    .isGreaterThanOrEqualTo(response.candidates().get(i).compositeScore());
        }
        // long-only: falling prices score no momentum, exactly as flat ones; the name breaks the tie
        ScanCandidate down = response.candidates().get(2);
        assertThat(down.momentumPercent()).isNegative();
        assertThat(down.momentumScore()).isZero();
        assertThat(down.compositeScore()).isEqualTo(response.candidates().get(3).compositeScore());
    }

    @Test
    void anUpwardMoverOutranksAFlatOneWhateverTheUniverseOrder() {
        FakeMarketData market = new FakeMarketData(SESSION)
                .add("AAA", minutes(50, 5_000, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50.0), daily(50, 1_000_000))
                .add("ZZZ", minutes(50, 5_000, 50, 50, 50, 50, 50, 50.2, 50.4, 50.6, 50.8, 51.0), daily(50, 1_000_000));
        ScanResponse response = new MarketScanner(market, SETTINGS).scan(request(10));
        assertThat(response.candidates()).extracting(ScanCandidate::symbol).containsExactly("ZZZ", "AAA");
    }

    @Test
    void theLimitKeepsTheBestAndPassedFiltersCountsAll() {
        FakeMarketData market = new FakeMarketData(SESSION);
        for (int i = 0; i < 8; i++) {
            double last = 50 + 0.1 * i;
            market.add("S" + i, minutes(50, 5_000, 50, 50, 50, 50, 50, 50, 50, 50, 50, last), daily(50, 1_000_000));
        }
        ScanResponse response = new MarketScanner(market, SETTINGS).scan(request(3));
        assertThat(response.scanned()).isEqualTo(8);
        assertThat(response.passedFilters()).isEqualTo(8);
        assertThat(response.candidates()).extracting(ScanCandidate::symbol).containsExactly("S7", "S6", "S5");
        assertThat(response.candidates()).extracting(ScanCandidate::rank).containsExactly(1, 2, 3);
        assertThat(response.cycleId()).isEqualTo("c-1");
        assertThat(response.asOf()).isEqualTo(AFTER_TEN_BARS);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        MarketScanner scanner = new MarketScanner(new FakeMarketData(SESSION), SETTINGS);
        assertThatThrownBy(() -> scanner.scan(request(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be at least 1");
    }

    @Test
    void settingsRefuseAnEmptyPriceRangeOrAShortLookBack() {
        assertThatThrownBy(() -> new ScannerSettings(10, 10, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScannerSettings(0, 10, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScannerSettings(1, 10, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum-bars");
    }
}
