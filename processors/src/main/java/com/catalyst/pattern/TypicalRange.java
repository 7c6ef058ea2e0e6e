package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.util.Arrays;
import java.util.List;

/**
 * The median true range of a window: the price unit every tolerance is expressed in, so one set of
 * parameters fits both 1-minute SPY bars (cents) and daily bars (dollars). The median, not the mean,
 * so that the very pole or breakout bar being judged does not inflate its own yardstick.
 */
final class TypicalRange {

    private TypicalRange() {
    }

    /** Median true range of all bars; 0 for fewer than two bars. */
    static double of(List<Bar> bars) {
        if (bars.size() < 2) {
            return 0.0;
        }
        double[] ranges = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double previousClose = bars.get(i - 1).close();
            ranges[i - 1] = Math.max(bar.high(), previousClose) - Math.min(bar.low(), previousClose);
        }
        Arrays.sort(ranges);
        int middle = ranges.length / 2;
        return ranges.length % 2 == 1 ? ranges[middle] : (ranges[middle - 1] + ranges[middle]) / 2.0;
    }
}
