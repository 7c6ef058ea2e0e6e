package com.catalyst.pattern;

import com.catalyst.market.Bar;

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
        return median(ranges);
    }

    /**
     * The median of {@code values} (reordered in place): the middle one, or the mean of the two middle ones. Found by
     * selection, not by sorting: every detector of a cycle's pattern scan asks for a new window's median, and a full sort
     * was a quarter of a pattern backtest's time.
     */
    static double median(double[] values) {
        int middle = values.length / 2;
        double upper = select(values, middle);
        if (values.length % 2 == 1) {
            return upper;
        }
        // after the selection nothing left of the middle is greater: the lower middle value is the largest of them
        double lower = values[0];
        for (int i = 1; i < middle; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2.0;
    }

    /**
     * The value that would be at index {@code k} were {@code a} sorted, leaving every value left of {@code k} no greater
     * and every value right of it no smaller (Hoare's selection, pivot the median of three).
     */
    private static double select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            double pivot = Math.max(Math.min(a[lo], a[mid]), Math.min(Math.max(a[lo], a[mid]), a[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
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
