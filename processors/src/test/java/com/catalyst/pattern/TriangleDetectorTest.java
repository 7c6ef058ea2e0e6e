package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TriangleDetectorTest {

    private final TriangleDetector detector = new TriangleDetector();

    /** Flat tops at 105 (highs 105.05), lows 100, 101.5 and {@code thirdLow}, then a bar closing at {@code breakClose}. */
    private static List<Bar> ascending(double thirdLow, double breakClose) {
        return SeriesBuilder.startingAt(99)
                .to(105, 12).to(100, 10)
                .to(105, 10).to(101.5, 7)
                .to(105, 7).to(thirdLow, 4)
                .to(104.8, 4)
                .candle(104.8, breakClose + 0.05, 104.75, breakClose)
                .build();
    }

    @Test
    void ascendingTriangleFiresOnTheBreakAboveFlatResistance() {
        List<Bar> bars = ascending(103, 105.6);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.ASCENDING_TRIANGLE);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.level(PriceLevel.RESISTANCE)).isCloseTo(105.05, within(1e-9));
            // rising support through the lows 99.95 and 102.95, extended to the break bar: above the last low
            assertThat(match.level(PriceLevel.SUPPORT)).isBetween(102.95, 105.05);
            assertThat(match.level(PriceLevel.STOP)).isCloseTo(102.95, within(1e-9));
            assertThat(match.level(PriceLevel.TARGET)).isCloseTo(105.05 + 5.1, within(1e-9));
            // three highs and three lows, then the break bar; the first high is the second bar at 105.05
            assertThat(match.keyBars()).hasSize(7).endsWith(bars.size() - 1);
            assertThat(match.firstIndex()).isEqualTo(12);
            assertThat(match.confidence()).isGreaterThan(0.5).isLessThanOrEqualTo(1.0);
        });
    }

    @Test
    void descendingTriangleIsTheMirrorImage() {
        assertThat(detector.detect(SeriesBuilder.mirrored(ascending(103, 105.6), 100))).singleElement()
                .satisfies(match -> {
                    assertThat(match.type()).isEqualTo(PatternType.DESCENDING_TRIANGLE);
                    assertThat(match.direction()).isEqualTo(Direction.BEARISH);
                    assertThat(match.level(PriceLevel.SUPPORT)).isCloseTo(94.95, within(1e-9));
                });
    }

    @Test
    void doesNotFireWhenTheLastLowBarelyRises() {
        // 101.6 is 0.1 above 101.5: under a tenth of the triangle's height
        assertThat(detector.detect(ascending(101.6, 105.6))).isEmpty();
    }

    @Test
    void doesNotFireBeforeTheBreak() {
        // closes 0.05 under resistance
        assertThat(detector.detect(ascending(103, 105.0))).isEmpty();
    }

    @Test
    void doesNotFireWhenTheTopsAreNotFlat() {
        // tops 105.05, 106.15, 105.05: a 1.1 spread against 15 % of the 6.2 height (0.93)
        List<Bar> bars = SeriesBuilder.startingAt(99)
                .to(105, 12).to(100, 10)
                .to(106.1, 10).to(101.5, 7)
                .to(105, 7).to(103, 4)
                .to(105.5, 4)
                .candle(105.5, 106.35, 105.45, 106.3)
                .build();

        assertThat(detector.detect(bars)).isEmpty();
    }

    @Test
    void randomWalksRarelyFire() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 1 per 1,000 bars each way (docs/patterns.md)
        assertThat(scan.perThousand(PatternType.ASCENDING_TRIANGLE)).isLessThan(3.0);
        assertThat(scan.perThousand(PatternType.DESCENDING_TRIANGLE)).isLessThan(3.0);
    }
}
