package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BreakoutDetectorTest {

    private final BreakoutDetector detector = new BreakoutDetector();

    /** Range 100..101 tested three times (highs 101.05), then a bar closing at {@code close} on {@code volume}. */
    private static List<Bar> rangeThenBreak(double close, long volume) {
        return SeriesBuilder.startingAt(100)
                .to(100.5, 5).to(100, 5)
                .to(101, 5).to(100, 5).to(101, 5).to(100, 5).to(101, 5).to(100.6, 4)
                .candle(100.6, close + 0.1, 100.55, close, volume)
                .build();
    }

    @Test
    void firesOnTheFirstCloseAboveATestedRangeTopOnVolume() {
        List<Bar> bars = rangeThenBreak(101.6, 3000);

        List<PatternMatch> matches = detector.detect(bars);

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.BREAKOUT);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.level(PriceLevel.RESISTANCE)).isCloseTo(101.05, within(1e-9));
            assertThat(match.level(PriceLevel.TARGET)).isCloseTo(101.05 + (101.05 - 99.95), within(1e-9));
            assertThat(match.level(PriceLevel.ENTRY)).isCloseTo(101.6, within(1e-9));
            assertThat(match.lastIndex()).isEqualTo(bars.size() - 1);
            assertThat(match.lastTime()).isEqualTo(bars.get(bars.size() - 1).time());
            // three tops at bars 14, 24, 34 (each "to(101, 5)" ends there), all inside the 30-bar lookback
            assertThat(match.keyBars()).containsSubsequence(14, 24, 34);
            assertThat(match.confidence()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void breakdownIsTheMirrorImage() {
        List<Bar> bars = SeriesBuilder.mirrored(rangeThenBreak(101.6, 3000), 100);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.BREAKDOWN);
            assertThat(match.direction()).isEqualTo(Direction.BEARISH);
            assertThat(match.level(PriceLevel.SUPPORT)).isCloseTo(98.95, within(1e-9));
            assertThat(match.level(PriceLevel.STOP)).isGreaterThan(98.95);
        });
    }

    @Test
    void doesNotFireWithoutVolume() {
        // 1.4x the mean volume, just under the 1.5x required
        assertThat(detector.detect(rangeThenBreak(101.6, 1400))).isEmpty();
    }

    @Test
    void doesNotFireOnACloseJustAboveTheLevel() {
        // 0.05 above 101.05 is less than a quarter of the typical range
        assertThat(detector.detect(rangeThenBreak(101.1, 3000))).isEmpty();
    }

    @Test
    void doesNotFireOnAnUntestedHigh() {
        // one spike to 101.05, then lower highs: not a level
        List<Bar> bars = SeriesBuilder.startingAt(100)
                .to(100.5, 5).to(100, 5)
                .to(101, 5).to(100, 5).to(100.7, 5).to(100, 5).to(100.5, 5).to(100.2, 4)
                .candle(100.2, 101.7, 100.15, 101.6, 3000)
                .build();

        assertThat(detector.detect(bars)).isEmpty();
    }

    @Test
    void doesNotFireAgainOnTheFollowThroughBar() {
        List<Bar> broken = rangeThenBreak(101.6, 3000);
        List<Bar> withFollowThrough = new ArrayList<>(broken);
        Bar last = broken.get(broken.size() - 1);
        withFollowThrough.add(new Bar(last.time().plusSeconds(60), 101.6, 102.1, 101.5, 102.0, 3000));

        assertThat(detector.detect(broken)).hasSize(1);
        assertThat(detector.detect(withFollowThrough)).isEmpty();
    }

    @Test
    void randomWalksRarelyFire() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 1 per 1,000 bars each way (docs/patterns.md); a random walk does break ranges on volume spikes
        assertThat(scan.perThousand(PatternType.BREAKOUT)).isLessThan(3.0);
        assertThat(scan.perThousand(PatternType.BREAKDOWN)).isLessThan(3.0);
    }
}
