package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AbcdDetectorTest {

    private final AbcdDetector detector = new AbcdDetector();

    // A = 110.05 (bar 9 or 10), B = 103.95 (bar 17 or 18): AB = 6.1
    private static final double A = 110.05;
    private static final double B = 103.95;
    private static final double AB = A - B;

    /** A, B, then C at a retracement of {@code retracement} x AB, a fall to 103.2, and a last bar whose low is {@code d}. */
    private static List<Bar> abcd(double retracement, double d) {
        double c = B + retracement * AB;
        return SeriesBuilder.startingAt(100)
                .to(110, 10).to(104, 8)
                .to(c - 0.05, 6).to(103.2, 6)
                .candle(103.2, 103.3, d, d + 0.3)
                .build();
    }

    @Test
    void bullishAbcdFiresWhenDReachesTheCompletionZone() {
        // BC = 0.7 AB; D = C - 1.0 AB, so CD / BC = 1.43
        double c = B + 0.7 * AB;
        List<Bar> bars = abcd(0.7, c - AB);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.type()).isEqualTo(PatternType.ABCD);
            assertThat(match.direction()).isEqualTo(Direction.BULLISH);
            assertThat(match.level(PriceLevel.POINT_A)).isCloseTo(A, within(1e-9));
            assertThat(match.level(PriceLevel.POINT_B)).isCloseTo(B, within(1e-9));
            assertThat(match.level(PriceLevel.POINT_C)).isCloseTo(c, within(1e-9));
            assertThat(match.level(PriceLevel.POINT_D)).isCloseTo(c - AB, within(1e-9));
            assertThat(match.level(PriceLevel.TARGET)).isCloseTo(c - AB + 0.618 * AB, within(1e-9));
            assertThat(match.level(PriceLevel.STOP)).isLessThan(c - AB);
            assertThat(match.keyBars()).hasSize(4).endsWith(bars.size() - 1);
            assertThat(match.keyBars().get(0)).isBetween(9, 10);
            assertThat(match.confidence()).isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
        });
    }

    @Test
    void bearishAbcdIsTheMirrorImage() {
        double c = B + 0.7 * AB;
        List<Bar> bars = SeriesBuilder.mirrored(abcd(0.7, c - AB), 100);

        assertThat(detector.detect(bars)).singleElement().satisfies(match -> {
            assertThat(match.direction()).isEqualTo(Direction.BEARISH);
            assertThat(match.level(PriceLevel.POINT_A)).isCloseTo(200 - A, within(1e-9));
            assertThat(match.level(PriceLevel.POINT_D)).isCloseTo(200 - (c - AB), within(1e-9));
        });
    }

    @Test
    void doesNotFireWhenBcRetracesTooLittle() {
        // BC / AB = 0.58, just under 0.618 - 0.03; CD / BC = 1.62 and CD / AB = 0.94 both fit
        double c = B + 0.58 * AB;
        assertThat(detector.detect(abcd(0.58, c - 1.62 * 0.58 * AB))).isEmpty();
    }

    @Test
    void doesNotFireWhenCdOvershootsAb() {
        // CD = 1.12 AB: past the 10 % equality tolerance (CD / BC = 1.6 still fits)
        double c = B + 0.7 * AB;
        assertThat(detector.detect(abcd(0.7, c - 1.12 * AB))).isEmpty();
    }

    @Test
    void firesOnlyOnTheFirstBarToReachTheZone() {
        double c = B + 0.7 * AB;
        List<Bar> reached = abcd(0.7, c - 0.95 * AB);
        Bar last = reached.get(reached.size() - 1);
        List<Bar> deeper = new ArrayList<>(reached);
        deeper.add(new Bar(last.time().plusSeconds(60), last.close(), last.close() + 0.05, c - AB, c - AB + 0.1, 1000));

        assertThat(detector.detect(reached)).hasSize(1);
        assertThat(detector.detect(deeper)).isEmpty();
    }

    @Test
    void randomWalksRarelyFire() {
        SlidingScan scan = SlidingScan.overRandomWalks(detector, 30, 400);

        // measured about 2 per 1,000 bars (docs/patterns.md): random walks do make AB=CD legs
        assertThat(scan.perThousand(PatternType.ABCD)).isLessThan(4.0);
    }
}
