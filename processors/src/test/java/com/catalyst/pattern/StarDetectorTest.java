package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StarDetectorTest {

    private final StarDetector detector = new StarDetector();

    /** Rise to 103, fall to 100, long black 100 -> 99, star 98.9 -> 98.95, white 99.0 -> {@code close}. */
    private static List<Bar> morningStar(double close) {
        return SeriesBuilder.startingAt(100).to(103, 12).to(100, 6)
                .candle(100, 100.05, 98.95, 99)
                .candle(98.9, 99.05, 98.7, 98.95)
                .candle(99.0, close + 0.05, 98.95, close)
                .build();
    }

    @Test
    void morningStarFiresOnTheThirdCandle() {
        List<Bar> bars = morningStar(99.8);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.MORNING_STAR);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.keyBars()).containsExactly(bars.size() - 3, bars.size() - 2, bars.size() - 1);
            assertThat(match.firstTime()).isEqualTo(bars.get(bars.size() - 3).time());
            assertThat(match.level(PriceLevel.STOP)).isCloseTo(98.7, within(1e-9));
            assertThat(match.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void eveningStarIsTheMirrorImage() {
        assertThat(detector.detect(SeriesBuilder.mirrored(morningStar(99.8), 100))).singleElement()
                .satisfies(match -> {
                    assertThat(match.type()).isEqualTo(PatternType.EVENING_STAR);
                    assertThat(match.level(PriceLevel.STOP)).isCloseTo(101.3, within(1e-9));
                });
    }

    @Test
    void doesNotFireWhenTheThirdCandleStaysUnderTheFirstBodysMidpoint() {
        // 99.45 recovers 45 % of the black body, the midpoint is 99.5
        assertThat(detector.detect(morningStar(99.45))).isEmpty();
    }

    @Test
    void doesNotFireWhenTheStarHasARealBody() {
        // star body 0.35 of the black body
        List<Bar> bars = SeriesBuilder.startingAt(100).to(103, 12).to(100, 6)
                .candle(100, 100.05, 98.95, 99)
                .candle(98.6, 99.0, 98.55, 98.95)
                .candle(99.0, 99.85, 98.95, 99.8)
                .build();

        assertThat(detector.detect(bars)).isEmpty();
    }

    @Test
    void neverFiresOnBarsOfSimilarBodies() {
        SlidingScan scan = new SlidingScan();
        for (long seed = 1; seed <= 10; seed++) {
            // every body in [0.1, 0.2]: no star is ever under 0.3 of its neighbour
            scan.run(detector, ShapedNoise.bars(seed, 400, 0.1, 0.2, 0.05));
        }

        assertThat(scan.fired(PatternType.MORNING_STAR) + scan.fired(PatternType.EVENING_STAR)).isZero();
    }

    @Test
    void randomWalkRateStaysWithinItsDocumentedBound() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 0.25 per 1,000 bars each way (docs/patterns.md)
        assertThat(scan.perThousand(PatternType.MORNING_STAR)).isLessThan(1.0);
        assertThat(scan.perThousand(PatternType.EVENING_STAR)).isLessThan(1.0);
    }
}
