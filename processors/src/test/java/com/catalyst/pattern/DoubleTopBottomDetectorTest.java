package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DoubleTopBottomDetectorTest {

    private final DoubleTopBottomDetector detector = new DoubleTopBottomDetector();

    /** Decline from 106 to 100 (low 99.95), neckline 104 (high 104.05), second low {@code secondLow}, break at {@code breakClose}. */
    private static List<Bar> doubleBottom(double secondLow, double breakClose) {
        return SeriesBuilder.startingAt(106)
                .to(100, 8).to(104, 6).to(secondLow, 6).to(103.8, 6)
                .candle(103.8, breakClose + 0.05, 103.75, breakClose)
                .build();
    }

    @Test
    void doubleBottomFiresOnTheCloseAboveTheNeckline() {
        List<Bar> bars = doubleBottom(100.2, 104.5);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.DOUBLE_BOTTOM);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.level(PriceLevel.NECKLINE)).isCloseTo(104.05, within(1e-9));
            assertThat(match.level(PriceLevel.SUPPORT)).isCloseTo(99.95, within(1e-9));
            assertThat(match.level(PriceLevel.TARGET)).isCloseTo(104.05 + 4.1, within(1e-9));
            // lows at bars 7 and 19 or their equal-low neighbours, neckline at 13 or 14
            assertThat(match.keyBars()).hasSize(4).endsWith(bars.size() - 1);
            assertThat(match.keyBars().get(0)).isBetween(7, 8);
            assertThat(match.keyBars().get(2)).isBetween(19, 20);
            assertThat(match.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void doubleTopIsTheMirrorImage() {
        assertThat(detector.detect(SeriesBuilder.mirrored(doubleBottom(100.2, 104.5), 100))).singleElement()
                .satisfies(match -> {
                    assertThat(match.type()).isEqualTo(PatternType.DOUBLE_TOP);
                    assertThat(match.direction()).isEqualTo(Direction.BEARISH);
                    assertThat(match.level(PriceLevel.RESISTANCE)).isCloseTo(100.05, within(1e-9));
                    assertThat(match.level(PriceLevel.NECKLINE)).isCloseTo(95.95, within(1e-9));
                });
    }

    @Test
    void moreEqualLowsScoreHigher() {
        double exact = detector.detect(doubleBottom(100.0, 104.5)).get(0).confidence();
        double loose = detector.detect(doubleBottom(100.3, 104.5)).get(0).confidence();

        assertThat(exact).isGreaterThan(loose);
    }

    @Test
    void doesNotFireWhenTheLowsDifferByMoreThanATenthOfTheDepth() {
        // 100.5 vs 100.0: 0.5 apart with a 4.1 depth
        assertThat(detector.detect(doubleBottom(100.5, 104.5))).isEmpty();
    }

    @Test
    void doesNotFireBeforeTheNecklineBreaks() {
        assertThat(detector.detect(doubleBottom(100.2, 104.0))).isEmpty();
    }

    @Test
    void doesNotFireWithoutADeclineIntoTheFirstLow() {
        // the same W, but the first low follows a high of only 102.55, under the 104.05 neckline
        List<Bar> bars = SeriesBuilder.startingAt(100)
                .to(102.5, 6).to(100, 6).to(104, 6).to(100.2, 6).to(103.8, 6)
                .candle(103.8, 104.55, 103.75, 104.5)
                .build();

        assertThat(detector.detect(bars)).isEmpty();
    }

    @Test
    void randomWalksRarelyFire() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 0.3 per 1,000 bars each way (docs/patterns.md)
        assertThat(scan.perThousand(PatternType.DOUBLE_TOP)).isLessThan(1.0);
        assertThat(scan.perThousand(PatternType.DOUBLE_BOTTOM)).isLessThan(1.0);
    }
}
