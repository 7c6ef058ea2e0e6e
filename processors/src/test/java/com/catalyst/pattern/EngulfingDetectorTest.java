package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EngulfingDetectorTest {

    private final EngulfingDetector detector = new EngulfingDetector();

    /** Rise to 103, fall to 100, a black candle 100 -> 99.6, then a white candle 99.55 -> {@code close}. */
    private static List<Bar> afterDecline(double close) {
        return SeriesBuilder.startingAt(100).to(103, 12).to(100, 6)
                .candle(100, 100.05, 99.55, 99.6)
                .candle(99.55, close + 0.05, 99.5, close)
                .build();
    }

    @Test
    void bullishEngulfingFiresAfterADecline() {
        List<Bar> bars = afterDecline(100.2);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.BULLISH_ENGULFING);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.firstIndex()).isEqualTo(bars.size() - 2);
            assertThat(match.keyBars()).containsExactly(bars.size() - 2, bars.size() - 1);
            assertThat(match.level(PriceLevel.STOP)).isCloseTo(99.5, within(1e-9));
            assertThat(match.level(PriceLevel.ENTRY)).isCloseTo(100.2, within(1e-9));
            assertThat(match.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void bearishEngulfingIsTheMirrorImage() {
        assertThat(detector.detect(SeriesBuilder.mirrored(afterDecline(100.2), 100))).singleElement()
                .satisfies(match -> {
                    assertThat(match.type()).isEqualTo(PatternType.BEARISH_ENGULFING);
                    assertThat(match.level(PriceLevel.STOP)).isCloseTo(100.5, within(1e-9));
                });
    }

    @Test
    void doesNotFireWhenTheWhiteBodyStopsShortOfThePreviousOpen() {
        // closes at 99.98, under the black candle's 100 open
        assertThat(detector.detect(afterDecline(99.98))).isEmpty();
    }

    @Test
    void doesNotFireAfterARise() {
        List<Bar> bars = SeriesBuilder.startingAt(97).to(100, 6)
                .candle(100, 100.05, 99.55, 99.6)
                .candle(99.55, 100.25, 99.5, 100.2)
                .build();

        assertThat(detector.detect(bars)).isEmpty();
    }

    @Test
    void neverFiresOnBarsThatCannotEngulf() {
        SlidingScan scan = new SlidingScan();
        for (long seed = 1; seed <= 10; seed++) {
            scan.run(detector, ShapedNoise.withoutEngulfing(seed, 400));
        }

        assertThat(scan.evaluatedBars()).isGreaterThan(3000);
        assertThat(scan.fired(PatternType.BULLISH_ENGULFING) + scan.fired(PatternType.BEARISH_ENGULFING)).isZero();
    }

    @Test
    void randomWalkRateStaysWithinItsDocumentedBound() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 8 per 1,000 bars each way (docs/patterns.md): random walks do engulf
        assertThat(scan.perThousand(PatternType.BULLISH_ENGULFING)).isLessThan(15.0);
        assertThat(scan.perThousand(PatternType.BEARISH_ENGULFING)).isLessThan(15.0);
    }
}
