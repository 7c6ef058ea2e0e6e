package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlagDetectorTest {

    private final FlagDetector detector = new FlagDetector();

    /**
     * Quiet base to 100 (bar 19, low 99.95), pole to 103 in 6 bars (high 103.05), flag drifting down to
     * {@code flagLow} over 8 bars, then a bar closing at {@code breakClose}.
     */
    private static List<Bar> poleFlagBreak(double flagLow, double breakClose) {
        return SeriesBuilder.startingAt(100)
                .to(100.4, 10).to(100, 10)
                .to(103, 6)
                .to(flagLow, 8)
                .candle(flagLow, breakClose + 0.05, flagLow - 0.05, breakClose)
                .build();
    }

    @Test
    void firesWhenTheFlagBreaksUpward() {
        List<Bar> bars = poleFlagBreak(102.2, 103.1);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.BULL_FLAG);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.level(PriceLevel.POLE_START)).isCloseTo(99.95, within(1e-9));
            assertThat(match.level(PriceLevel.POLE_END)).isCloseTo(103.05, within(1e-9));
            // the flag's highest high: its second bar, close 102.9 + 0.05 wick
            assertThat(match.level(PriceLevel.ENTRY)).isCloseTo(102.95, within(1e-9));
            assertThat(match.level(PriceLevel.STOP)).isCloseTo(102.15, within(1e-9));
            assertThat(match.level(PriceLevel.TARGET)).isCloseTo(102.95 + 3.1, within(1e-9));
            assertThat(match.firstIndex()).isEqualTo(19);
            assertThat(match.lastIndex()).isEqualTo(bars.size() - 1);
            assertThat(match.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void bearFlagIsTheMirrorImage() {
        List<Bar> bars = SeriesBuilder.mirrored(poleFlagBreak(102.2, 103.1), 100);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.BEAR_FLAG);
            assertThat(match.direction()).isEqualTo(Direction.BEARISH);
            assertThat(match.level(PriceLevel.POLE_END)).isCloseTo(96.95, within(1e-9));
            assertThat(match.level(PriceLevel.TARGET)).isCloseTo(97.05 - 3.1, within(1e-9));
        });
    }

    @Test
    void shallowerFlagScoresHigher() {
        double deep = detector.detect(poleFlagBreak(101.7, 103.1)).get(0).confidence();
        double shallow = detector.detect(poleFlagBreak(102.4, 103.1)).get(0).confidence();

        assertThat(shallow).isGreaterThan(deep);
    }

    @Test
    void doesNotFireWhenTheFlagRetracesMoreThanHalfThePole() {
        // low 101.45: (103.05 - 101.45) / 3.1 = 0.52 of the pole
        assertThat(detector.detect(poleFlagBreak(101.5, 103.1))).isEmpty();
    }

    @Test
    void doesNotFireBeforeTheFlagBreaks() {
        // closes 0.05 under the flag's high
        assertThat(detector.detect(poleFlagBreak(102.2, 102.9))).isEmpty();
    }

    @Test
    void doesNotFireWithoutASteepPole() {
        // typical range is about 0.14 (the base); 1.5 points over 12 bars is 0.89 typical a bar, over 15 bars 0.71
        assertThat(detector.detect(slowPole(12))).hasSize(1);
        assertThat(detector.detect(slowPole(15))).isEmpty();
    }

    private static List<Bar> slowPole(int poleBars) {
        return SeriesBuilder.startingAt(100)
                .to(100.4, 10).to(100, 10).to(101.4, poleBars).to(101.1, 8)
                .candle(101.1, 101.65, 101.05, 101.6)
                .build();
    }

    @Test
    void randomWalksRarelyFire() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 0.2 per 1,000 bars each way (docs/patterns.md)
        assertThat(scan.perThousand(PatternType.BULL_FLAG)).isLessThan(1.0);
        assertThat(scan.perThousand(PatternType.BEAR_FLAG)).isLessThan(1.0);
    }
}
