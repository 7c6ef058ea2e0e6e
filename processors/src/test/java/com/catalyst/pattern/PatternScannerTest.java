package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PatternScannerTest {

    private static final List<Bar> BARS = SeriesBuilder.startingAt(100).to(101, 40).build();

    private static PatternDetector returning(PatternType type, double confidence) {
        return bars -> List.of(PatternMatch.spanning(type, Direction.BULLISH, confidence, bars, bars.size() - 1,
                bars.size() - 1, Map.of(), List.of(bars.size() - 1)));
    }

    @Test
    void returnsEveryDetectorsMatchesBestFirst() {
        PatternScanner scanner = new PatternScanner(List.of(
                returning(PatternType.HAMMER, 0.2),
                bars -> List.of(),
                returning(PatternType.BULL_FLAG, 0.9),
                returning(PatternType.BREAKOUT, 0.5)));

        assertThat(scanner.scan(BARS)).extracting(PatternMatch::type)
                .containsExactly(PatternType.BULL_FLAG, PatternType.BREAKOUT, PatternType.HAMMER);
    }

    @Test
    void equalConfidencesAreOrderedDeterministically() {
        PatternScanner scanner = new PatternScanner(List.of(
                returning(PatternType.HAMMER, 0.5), returning(PatternType.BREAKOUT, 0.5)));

        assertThat(scanner.scan(BARS)).extracting(PatternMatch::type)
                .containsExactly(PatternType.BREAKOUT, PatternType.HAMMER);
    }

    @Test
    void theStandardScannerFindsARealPatternAndOnlyReportsTheLastBar() {
        // a tested range top broken on triple volume
        List<Bar> bars = SeriesBuilder.startingAt(100)
                .to(100.5, 5).to(100, 5)
                .to(101, 5).to(100, 5).to(101, 5).to(100, 5).to(101, 5).to(100.6, 4)
                .candle(100.6, 101.7, 100.55, 101.6, 3000)
                .build();

        List<PatternMatch> matches = PatternScanner.withAllDetectors().scan(bars);

        assertThat(matches).extracting(PatternMatch::type).contains(PatternType.BREAKOUT);
        assertThat(matches).allSatisfy(match -> assertThat(match.lastIndex()).isEqualTo(bars.size() - 1));
        assertThat(matches).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
    }

    @Test
    void aWindowTooShortForAnyPatternGivesNoMatches() {
        assertThat(PatternScanner.withAllDetectors().scan(BARS.subList(0, 1))).isEmpty();
        assertThat(PatternScanner.withAllDetectors().scan(List.of())).isEmpty();
    }
}
