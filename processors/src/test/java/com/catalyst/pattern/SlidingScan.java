package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a detector the way the live cycle does: at every bar, on the trailing window that ends there.
 * Counts matches per type, so firing rates can be compared per 1,000 evaluated bars.
 */
final class SlidingScan {

    static final int WINDOW = 120;
    static final int MIN_WINDOW = 30;

    private final Map<PatternType, Integer> fired = new EnumMap<>(PatternType.class);
    private long evaluatedBars;

    void run(PatternDetector detector, List<Bar> bars) {
        for (int end = MIN_WINDOW - 1; end < bars.size(); end++) {
            List<Bar> window = bars.subList(Math.max(0, end - WINDOW + 1), end + 1);
            for (PatternMatch match : detector.detect(window)) {
                fired.merge(match.type(), 1, Integer::sum);
            }
            evaluatedBars++;
        }
    }

    /** Runs every detector, counting each evaluated bar once. */
    void runAll(List<PatternDetector> detectors, List<Bar> bars) {
        long before = evaluatedBars;
        for (PatternDetector detector : detectors) {
            evaluatedBars = before;
            run(detector, bars);
        }
    }

    int fired(PatternType type) {
        return fired.getOrDefault(type, 0);
    }

    long evaluatedBars() {
        return evaluatedBars;
    }

    double perThousand(PatternType type) {
        return evaluatedBars == 0 ? 0.0 : 1000.0 * fired(type) / evaluatedBars;
    }

    /** Rate of a detector over {@code seeds} random walks of {@code length} bars. */
    static SlidingScan overRandomWalks(PatternDetector detector, int seeds, int length) {
        SlidingScan scan = new SlidingScan();
        for (long seed = 1; seed <= seeds; seed++) {
            scan.run(detector, RandomWalk.bars(seed, length));
        }
        return scan;
    }
}
