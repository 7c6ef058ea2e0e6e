package com.catalyst.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walk-forward folds over a run's sessions: fold k's in-sample window is the {@code inSampleDays} sessions from
 * session k × {@code stepDays}, its out-of-sample window the {@code outOfSampleDays} sessions right after it. Only
 * whole folds are made: the last one ends at or before the last session. "Days" are sessions with bars (a holiday
 * is no day).
 */
public record WalkForward(int inSampleDays, int outOfSampleDays, int stepDays) {

    /** One fold: session indices {@code [inFrom, inTo)} in-sample, {@code [outFrom, outTo)} out of sample. */
    public record Fold(int foldNo, int inFrom, int inTo, int outFrom, int outTo) {

        public int[] inSample() {
            return java.util.stream.IntStream.range(inFrom, inTo).toArray();
        }

        public int[] outOfSample() {
            return java.util.stream.IntStream.range(outFrom, outTo).toArray();
        }
    }

    public WalkForward {
        if (inSampleDays < 1) {
            throw new SweepInputException("walk_forward.in_sample_days", "'walk_forward.in_sample_days' must be at least 1, got " + inSampleDays);
        }
        if (outOfSampleDays < 1) {
            throw new SweepInputException("walk_forward.out_of_sample_days",
                    "'walk_forward.out_of_sample_days' must be at least 1, got " + outOfSampleDays);
        }
        if (stepDays < 1) {
            throw new SweepInputException("walk_forward.step_days", "'walk_forward.step_days' must be at least 1, got " + stepDays);
        }
    }

    /** From the request's object: {@code in_sample_days}, {@code out_of_sample_days}, {@code step_days} (default: out_of_sample_days). */
    public static WalkForward parse(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new SweepInputException("walk_forward", "'walk_forward' must be an object with in_sample_days, out_of_sample_days and step_days");
        }
        for (Object key : map.keySet()) {
            if (!List.of("in_sample_days", "out_of_sample_days", "step_days").contains(String.valueOf(key))) {
                throw new SweepInputException("walk_forward." + key, "'walk_forward' takes in_sample_days, out_of_sample_days and step_days, not '" + key + "'");
            }
        }
        int in = days(map, "in_sample_days", null);
        int out = days(map, "out_of_sample_days", null);
        return new WalkForward(in, out, days(map, "step_days", out));
    }

    private static int days(Map<?, ?> map, String name, Integer fallback) {
        Object raw = map.get(name);
        String field = "walk_forward." + name;
        if (raw == null) {
            if (fallback != null) {
                return fallback;
            }
            throw new SweepInputException(field, "'" + field + "' is missing: a number of sessions, at least 1");
        }
        var number = raw instanceof String ? null : com.catalyst.request.NumberBounds.decimal(raw);
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.signum() <= 0 || number.compareTo(java.math.BigDecimal.valueOf(100_000)) > 0) {
            throw new SweepInputException(field, "'" + field + "' must be a whole number of sessions from 1 to 100000, got " + raw);
        }
        return number.intValue();
    }

    /** The folds over {@code sessions} sessions; a 400 naming walk_forward when not even one fits. */
    public List<Fold> folds(int sessions) {
        if (inSampleDays + outOfSampleDays > sessions) {
            throw new SweepInputException("walk_forward", "a fold needs " + (inSampleDays + outOfSampleDays) + " sessions (in_sample_days "
                    + inSampleDays + " + out_of_sample_days " + outOfSampleDays + "), the data has " + sessions);
        }
        List<Fold> folds = new ArrayList<>();
        for (int start = 0; start + inSampleDays + outOfSampleDays <= sessions; start += stepDays) {
            folds.add(new Fold(folds.size() + 1, start, start + inSampleDays, start + inSampleDays, start + inSampleDays + outOfSampleDays));
        }
        return folds;
    }
}
