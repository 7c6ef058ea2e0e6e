package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HammerShootingStarDetectorTest {

    private final HammerShootingStarDetector detector = new HammerShootingStarDetector();

    /** Rise to 103, fall to 100, then one candle. */
    private static List<Bar> afterDecline(double open, double high, double low, double close) {
        return SeriesBuilder.startingAt(100).to(103, 12).to(100, 6).candle(open, high, low, close).build();
    }

    @Test
    void hammerFiresAtTheLowOfADecline() {
        // body 0.1, lower shadow 0.8, upper shadow 0.03
        List<Bar> bars = afterDecline(99.7, 99.83, 98.9, 99.8);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.HAMMER);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.firstIndex()).isEqualTo(bars.size() - 1);
            assertThat(match.level(PriceLevel.STOP)).isCloseTo(98.9, within(1e-9));
            assertThat(match.level(PriceLevel.RESISTANCE)).isCloseTo(99.83, within(1e-9));
            assertThat(match.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void shootingStarIsTheMirrorImage() {
        assertThat(detector.detect(SeriesBuilder.mirrored(afterDecline(99.7, 99.83, 98.9, 99.8), 100)))
                .singleElement().satisfies(match -> {
                    assertThat(match.type()).isEqualTo(PatternType.SHOOTING_STAR);
                    assertThat(match.direction()).isEqualTo(Direction.BEARISH);
                    assertThat(match.level(PriceLevel.STOP)).isCloseTo(101.1, within(1e-9));
                });
    }

    @Test
    void doesNotFireWhenTheShadowIsUnderTwiceTheBody() {
        // body 0.3, lower shadow 0.54 = 1.8 bodies
        assertThat(detector.detect(afterDecline(99.5, 99.83, 98.96, 99.8))).isEmpty();
    }

    @Test
    void doesNotFireOnTheSameShapeAfterARise() {
        // a hanging man, not a hammer
        List<Bar> bars = SeriesBuilder.startingAt(97).to(100, 6).to(99.7, 1).candle(99.7, 99.83, 98.9, 99.8).build();

        assertThat(detector.detect(bars)).isEmpty();
    }

    @Test
    void neverFiresOnBarsWithoutALongShadow() {
        SlidingScan scan = new SlidingScan();
        for (long seed = 1; seed <= 10; seed++) {
            // shadows at most 0.09 never reach twice a body of at least 0.05
            scan.run(detector, ShapedNoise.bars(seed, 400, 0.05, 0.2, 0.09));
        }

        assertThat(scan.fired(PatternType.HAMMER) + scan.fired(PatternType.SHOOTING_STAR)).isZero();
    }

    @Test
    void randomWalkRateStaysWithinItsDocumentedBound() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 2 per 1,000 bars each way (docs/patterns.md)
        assertThat(scan.perThousand(PatternType.HAMMER)).isLessThan(5.0);
        assertThat(scan.perThousand(PatternType.SHOOTING_STAR)).isLessThan(5.0);
    }
}
