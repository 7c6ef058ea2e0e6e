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

    // the scanner hands one window to every detector: each asks for its median, so the last answer is kept per thread
    private static final ThreadLocal<Memo> LAST = ThreadLocal.withInitial(Memo::new);

    private TypicalRange() {
    }

    /** Median true range of all bars; 0 for fewer than two bars. */
    static double of(List<Bar> bars) {
        if (bars.size() < 2) {
            return 0.0;
        }
        Memo memo = LAST.get();
        Bar first = bars.get(0);
        Bar last = bars.get(bars.size() - 1);
        if (memo.bars == bars && memo.size == bars.size() && memo.first == first && memo.last == last) {
            return memo.value;
        }
        double value = median(bars);
        memo.bars = bars;
        memo.size = bars.size();
        memo.first = first;
        memo.last = last;
        memo.value = value;
        return value;
    }

    private static double median(List<Bar> bars) {
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

    /** The last window asked about on this thread (by identity, size and end bars) and its median. */
    private static final class Memo {
        List<Bar> bars;
        int size;
        Bar first;
        Bar last;
        double value;
    }
}
