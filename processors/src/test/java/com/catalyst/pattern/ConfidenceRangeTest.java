package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Property check without a property-testing library: every match on many random series is well formed. */
class ConfidenceRangeTest {

    private final PatternScanner scanner = PatternScanner.withAllDetectors();

    /** Random walk with a random price scale, volatility, drift and shadow size, so tolerances are exercised far from 100. */
    private static List<Bar> randomSeries(Random random, int count) {
        double price = 5 + random.nextDouble() * 500;
        double volatility = price * (0.0005 + random.nextDouble() * 0.01);
        double drift = (random.nextDouble() - 0.5) * volatility * 0.6;
        double shadow = volatility * random.nextDouble() * 1.5;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double open = price;
            price = Math.max(0.5, price + drift + random.nextGaussian() * volatility);
            double high = Math.max(open, price) + Math.abs(random.nextGaussian()) * shadow;
            double low = Math.max(0.01, Math.min(open, price) - Math.abs(random.nextGaussian()) * shadow);
            long volume = random.nextInt(10) == 0 ? 0 : Math.round(1000 * Math.exp(random.nextGaussian()));
            bars.add(new Bar(SeriesBuilder.START.plus(Duration.ofMinutes(i)), open, high, low, price, volume));
        }
        return bars;
    }

    @Test
    void everyMatchIsWellFormedAcrossManyRandomSeries() {
        Random random = new Random(20110309);
        Set<PatternType> seen = EnumSet.noneOf(PatternType.class);
        int matches = 0;
        for (int series = 0; series < 60; series++) {
            List<Bar> bars = randomSeries(random, 300);
            for (int end = 20; end < bars.size(); end++) {
                List<Bar> window = bars.subList(Math.max(0, end - 149), end + 1);
                for (PatternMatch match : scanner.scan(window)) {
                    matches++;
                    seen.add(match.type());
                    assertThat(match.confidence()).isBetween(0.0, 1.0);
                    assertThat(match.lastIndex()).isEqualTo(window.size() - 1);
                    assertThat(match.firstIndex()).isBetween(0, match.lastIndex());
                    assertThat(match.firstTime()).isEqualTo(window.get(match.firstIndex()).time());
                    assertThat(match.lastTime()).isEqualTo(window.get(match.lastIndex()).time());
                    assertThat(match.keyBars()).isSorted()
                            .allSatisfy(i -> assertThat(i).isBetween(match.firstIndex(), match.lastIndex()));
                    assertThat(match.levels().values()).allSatisfy(level -> assertThat(level).isFinite());
                }
            }
        }
        // the check means something only if plenty of matches of most kinds were produced
        assertThat(matches).isGreaterThan(1000);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void flatBarsProduceNothingRatherThanDividingByZero() {
        List<Bar> flat = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            flat.add(new Bar(SeriesBuilder.START.plus(Duration.ofMinutes(i)), 50, 50, 50, 50, 0));
        }

        assertThat(scanner.scan(flat)).isEmpty();
    }

    @Test
    void aMatchRejectsAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new PatternMatch(PatternType.DOJI, Direction.NEUTRAL, 1.01, 0, 0,
                SeriesBuilder.START, SeriesBuilder.START, Map.of(), List.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PatternMatch(PatternType.DOJI, Direction.NEUTRAL, Double.NaN, 0, 0,
                SeriesBuilder.START, SeriesBuilder.START, Map.of(), List.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
