package com.catalyst.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values (1, 2 or 5 times a power of ten) that cover a range, for a chart's value axis: the first tick is
 * at or below the range's low and the last at or above its high, so every value drawn lies between two labels.
 */
public record AxisTicks(double low, double high, double step) {

    /** About {@code wanted} ticks covering [min, max]; a flat or empty range is widened to one step around it. */
    public static AxisTicks covering(double min, double max, int wanted) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            return new AxisTicks(0, 1, 0.2);
        }
        double lo = Math.min(min, max);
        double hi = Math.max(min, max);
        if (hi - lo < 1e-9) {
            // a flat series still needs a range: one unit of its magnitude around it
            double pad = Math.max(Math.abs(lo) * 0.01, 0.01);
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, wanted));
        return new AxisTicks(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step);
    }

    /** The tick values from low to high, exactly on multiples of the step (no drift from repeated adding). */
    public List<Double> values() {
        List<Double> out = new ArrayList<>();
        long first = Math.round(low / step);
        long last = Math.round(high / step);
        for (long i = first; i <= last; i++) {
            out.add(i * step);
        }
        return out;
    }

    /** A tick's label with as many decimals as the step needs (step 0.05 → two, step 50 → none). */
    public String label(double value) {
        int decimals = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value + 0.0);
    }

    private static double niceStep(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
