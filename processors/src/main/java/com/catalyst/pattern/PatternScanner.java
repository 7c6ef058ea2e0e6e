package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a set of detectors over one window and returns every match, highest confidence first (ties:
 * the pattern that spans more bars first, then by type, so the order is deterministic).
 */
public final class PatternScanner {

    private static final Comparator<PatternMatch> BEST_FIRST = Comparator
            .comparingDouble(PatternMatch::confidence).reversed()
            .thenComparing(Comparator.comparingInt((PatternMatch m) -> m.lastIndex() - m.firstIndex()).reversed())
            .thenComparing(PatternMatch::type); // ties broken so the same input always gives the same order

    private final List<PatternDetector> detectors;

    public PatternScanner(List<PatternDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** A scanner with one detector for every {@link PatternType}. */
    public static PatternScanner withAllDetectors() {
        return new PatternScanner(List.of(
                new BreakoutDetector(),
                new FlagDetector(),
                new TriangleDetector(),
                new AbcdDetector(),
                new DoubleTopBottomDetector(),
                new EngulfingDetector(),
                new HammerShootingStarDetector(),
                new DojiDetector(),
                new StarDetector()));
    }

    public List<PatternDetector> detectors() {
        return detectors;
    }

    /** All matches completing on the last bar of {@code bars}, best first. */
    public List<PatternMatch> scan(List<Bar> bars) {
        List<PatternMatch> matches = new ArrayList<>();
        for (PatternDetector detector : detectors) {
            matches.addAll(detector.detect(bars));
        }
        matches.sort(BEST_FIRST);
        return matches;
    }
}
