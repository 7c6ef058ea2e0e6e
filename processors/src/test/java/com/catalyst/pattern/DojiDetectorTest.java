package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DojiDetectorTest {

    private final DojiDetector detector = new DojiDetector();

    private static List<Bar> endingWith(double open, double high, double low, double close) {
        return SeriesBuilder.startingAt(100).to(103, 12).to(100, 6).candle(open, high, low, close).build();
    }

    @Test
    void firesOnABarThatClosesWhereItOpened() {
        List<Bar> bars = endingWith(100, 100.5, 99.6, 100.02);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.DOJI);
            assertThat(match.direction()).isEqualTo(Direction.NEUTRAL);
            assertThat(match.firstIndex()).isEqualTo(bars.size() - 1);
            assertThat(match.level(PriceLevel.RESISTANCE)).isCloseTo(100.5, within(1e-9));
            assertThat(match.level(PriceLevel.SUPPORT)).isCloseTo(99.6, within(1e-9));
            assertThat(match.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void aSmallerBodyScoresHigher() {
        double exact = detector.detect(endingWith(100, 100.5, 99.6, 100.0)).get(0).confidence();
        double loose = detector.detect(endingWith(100, 100.5, 99.6, 100.08)).get(0).confidence();

        assertThat(exact).isGreaterThan(loose);
    }

    @Test
    void doesNotFireWhenTheBodyIsOverATenthOfTheRange() {
        // body 0.108 of a 0.9 range
        assertThat(detector.detect(endingWith(100, 100.5, 99.6, 100.108))).isEmpty();
    }

    @Test
    void doesNotFireOnATinyBar() {
        // open = close but the range is a fraction of the typical one
        assertThat(detector.detect(endingWith(100, 100.05, 99.98, 100))).isEmpty();
    }

    @Test
    void neverFiresOnBarsWithRealBodies() {
        SlidingScan scan = new SlidingScan();
        for (long seed = 1; seed <= 10; seed++) {
            // body >= 0.05 against shadows <= 0.08 each: body / range >= 0.24
            scan.run(detector, ShapedNoise.bars(seed, 400, 0.05, 0.2, 0.08));
        }

        assertThat(scan.fired(PatternType.DOJI)).isZero();
    }

    @Test
    void randomWalkRateStaysWithinItsDocumentedBound() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 67 per 1,000 bars (docs/patterns.md): dojis are common in noise and in real data
        assertThat(scan.perThousand(PatternType.DOJI)).isBetween(30.0, 100.0);
    }
}
