package com.catalyst.technical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Collects comparisons of our values with reference values and fails once, listing the first mismatches:
 * |a - b| <= relative x max(|a|, |b|) + absolute, so values near zero (MACD histogram) get an absolute floor.
 */
final class Agreement {

    private static final int SHOWN = 15;

    private final String subject;
    private final double relative;
    private final double absolute;
    private final List<String> mismatches = new ArrayList<>();
    private final Map<String, Integer> compared = new TreeMap<>();
    private int mismatchCount;

    Agreement(String subject, double relative, double absolute) {
        this.subject = subject;
        this.relative = relative;
        this.absolute = absolute;
    }

    static Agreement toNineDigits(String subject) {
        return new Agreement(subject, 1e-9, 1e-9);
    }

    static boolean close(double a, double b, double relative, double absolute) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + absolute;
    }

    /** Records ours against the reference value at this index. */
    void expect(String indicator, int index, double ours, double reference) {
        compared.merge(indicator, 1, Integer::sum);
        if (!close(ours, reference, relative, absolute)) {
            mismatch(indicator + "[" + index + "]: ours " + ours + ", reference " + reference);
        }
    }

    /** Records that ours must still be warming up (NaN) at this index. */
    void expectWarmingUp(String indicator, int index, double ours) {
        if (!Double.isNaN(ours)) {
            mismatch(indicator + "[" + index + "]: expected NaN during warm-up, was " + ours);
        }
    }

    int compared(String indicator) {
        return compared.getOrDefault(indicator, 0);
    }

    Map<String, Integer> comparedCounts() {
        return compared;
    }

    void assertAgreed() {
        if (mismatchCount > 0) {
            fail(subject + ": " + mismatchCount + " mismatches, first ones:\n  " + String.join("\n  ", mismatches));
        }
    }

    private void mismatch(String description) {
        if (mismatchCount++ < SHOWN) {
            mismatches.add(description);
        }
    }
}
