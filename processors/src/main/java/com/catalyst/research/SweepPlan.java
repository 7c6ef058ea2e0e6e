package com.catalyst.research;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.catalyst.backtest.BacktestConfig;

/**
 * A sweep's trials, objective and folds, from the request's sweep fields ({@code grid} or {@code random} with
 * {@code samples} and {@code seed}, {@code objective}, {@code walk_forward}) over the base configuration the rest of
 * the request makes. Everything wrong is a {@link SweepInputException} naming the field.
 * <p>
 * Expansion order is fixed whatever the request's key order: parameters sorted by name, a grid's values in the order
 * given, the last parameter varying fastest (trial 1 takes every first value). A random sweep draws {@code samples}
 * trials from {@link Random} seeded with {@code seed}, parameters in name order, so the same seed gives the same trials
 * on any JVM. A combination that is no backtest (a fast EMA not shorter than the slow one) is skipped and counted; trial
 * numbers run 1..n over the kept ones.
 */
public record SweepPlan(String method, Objective objective, WalkForward walkForward, Long seed, List<Trial> trials, int skipped,
                        String skippedReason) {

    /** The default ceiling on a sweep's trials (catalyst.sweep.max-trials). */
    public static final int DEFAULT_MAX_TRIALS = 10_000;
    /** A random sweep's draws stop after this many times {@code samples}, when too many combinations are no backtest. */
    static final int MAX_DRAWS_PER_SAMPLE = 20;

    public record Trial(int trialNo, Map<String, Object> parameters, BacktestConfig config) {
    }

    /** The request fields this class reads; the rest are the base backtest's. */
    public static final List<String> FIELDS = List.of("grid", "random", "samples", "seed", "objective", "walk_forward");

    public List<TrialSpec> specs(long sweepId) {
        return trials.stream().map(t -> new TrialSpec(sweepId, t.trialNo(), t.parameters(), t.config())).toList();
    }

    public static SweepPlan parse(Map<String, ?> request, BacktestConfig base, int maxTrials) {
        Objective objective = Objective.of(request.get("objective") == null ? "sharpe" : String.valueOf(request.get("objective")));
        WalkForward walkForward = request.get("walk_forward") == null ? null : WalkForward.parse(request.get("walk_forward"));
        Object grid = request.get("grid");
        Object random = request.get("random");
        if (grid != null && random != null) {
            throw new SweepInputException("grid", "give 'grid' or 'random', not both");
        }
        if (grid == null && random == null) {
            throw new SweepInputException("grid", "a sweep needs 'grid' (name → list of values) or 'random' (name → {\"min\":…,\"max\":…})");
        }
        if (grid != null) {
            if (request.get("samples") != null || request.get("seed") != null) {
                throw new SweepInputException(request.get("samples") != null ? "samples" : "seed", "'samples' and 'seed' go with 'random', not 'grid'");
            }
            return grid(objective, walkForward, grid, base, maxTrials);
        }
        return random(objective, walkForward, random, request.get("samples"), request.get("seed"), base, maxTrials);
    }

    private static SweepPlan grid(Objective objective, WalkForward walkForward, Object raw, BacktestConfig base, int maxTrials) {
        Map<String, ?> grid = object("grid", raw);
        TreeMap<String, List<Object>> axes = new TreeMap<>();
        long count = 1;
        boolean overflow = false;
        for (Map.Entry<String, ?> axis : grid.entrySet()) {
            String field = "grid." + axis.getKey();
            SweepParameter parameter = parameter(field, axis.getKey(), base);
            if (!(axis.getValue() instanceof List<?> list)) {
                throw new SweepInputException(field, "'" + field + "' must be a list of values, such as [5, 9]");
            }
            if (list.isEmpty()) {
                throw new SweepInputException(field, "'" + field + "' lists no value");
            }
            List<Object> values = new ArrayList<>();
            for (Object v : list) {
                Object value = parameter.value(field, v);
                if (values.stream().anyMatch(seen -> same(seen, value))) {
                    throw new SweepInputException(field, "'" + field + "' lists " + value + " twice");
                }
                values.add(value);
            }
            axes.put(axis.getKey(), values);
            try {
                count = Math.multiplyExact(count, values.size());
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow || count > maxTrials) {
            throw new SweepInputException("grid", "the grid makes " + (overflow ? "more than " + Long.MAX_VALUE : String.format("%,d", count))
                    + " trials, more than the " + String.format("%,d", maxTrials) + " a sweep may have (catalyst.sweep.max-trials): "
                    + "fewer values, or 'random' with 'samples'");
        }
        List<String> names = new ArrayList<>(axes.keySet());
        List<Trial> trials = new ArrayList<>();
        int skipped = 0;
        String reason = null;
        for (long i = 0; i < count; i++) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            long rest = i;
            for (int n = names.size() - 1; n >= 0; n--) {
                List<Object> values = axes.get(names.get(n));
                parameters.put(names.get(n), values.get((int) (rest % values.size())));
                rest /= values.size();
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            names.forEach(name -> ordered.put(name, parameters.get(name)));
            try {
                trials.add(new Trial(trials.size() + 1, ordered, SweepParameter.apply(base, ordered)));
            } catch (IllegalArgumentException e) {
                skipped++;
                reason = reason == null ? ordered + ": " + e.getMessage() : reason;
            }
        }
        if (trials.isEmpty()) {
            throw new SweepInputException("grid", "no combination of the grid is a backtest: " + reason);
        }
        return new SweepPlan("grid", objective, walkForward, null, List.copyOf(trials), skipped, reason);
    }

    private static SweepPlan random(Objective objective, WalkForward walkForward, Object raw, Object rawSamples, Object rawSeed,
                                    BacktestConfig base, int maxTrials) {
        Map<String, ?> ranges = object("random", raw);
        int samples = whole("samples", rawSamples, 1, Integer.MAX_VALUE, "a whole number of trials, at least 1");
        if (samples > maxTrials) {
            throw new SweepInputException("samples", "'samples' asks for " + String.format("%,d", samples) + " trials, more than the "
                    + String.format("%,d", maxTrials) + " a sweep may have (catalyst.sweep.max-trials)");
        }
        long seed = rawSeed == null ? 1 : whole("seed", rawSeed, 0, Long.MAX_VALUE, "a whole number from 0");
        TreeMap<String, BigDecimal[]> bounds = new TreeMap<>();
        Map<String, SweepParameter> parameters = new TreeMap<>();
        for (Map.Entry<String, ?> range : ranges.entrySet()) {
            String field = "random." + range.getKey();
            SweepParameter parameter = parameter(field, range.getKey(), base);
            if (parameter.kind() == SweepParameter.Kind.CHOICE) {
                throw new SweepInputException(field, "'" + field + "' is not a number: vary it with 'grid'");
            }
            if (!(range.getValue() instanceof Map<?, ?> mm) || !mm.keySet().equals(java.util.Set.of("min", "max"))) {
                throw new SweepInputException(field, "'" + field + "' must be {\"min\": …, \"max\": …}");
            }
            BigDecimal min = new BigDecimal(parameter.value(field + ".min", mm.get("min")).toString());
            BigDecimal max = new BigDecimal(parameter.value(field + ".max", mm.get("max")).toString());
            if (min.compareTo(max) > 0) {
                throw new SweepInputException(field, "'" + field + "' has min " + min.toPlainString() + " above max " + max.toPlainString());
            }
            bounds.put(range.getKey(), new BigDecimal[] {min, max});
            parameters.put(range.getKey(), parameter);
        }
        if (bounds.isEmpty()) {
            throw new SweepInputException("random", "'random' names no parameter");
        }
        Random draws = new Random(seed);
        List<Trial> trials = new ArrayList<>();
        int skipped = 0;
        String reason = null;
        long limit = (long) samples * MAX_DRAWS_PER_SAMPLE;
        for (long d = 0; d < limit && trials.size() < samples; d++) {
            Map<String, Object> drawn = new LinkedHashMap<>();
            bounds.forEach((name, b) -> drawn.put(name, parameters.get(name).draw(draws, b[0], b[1])));
            try {
                trials.add(new Trial(trials.size() + 1, drawn, SweepParameter.apply(base, drawn)));
            } catch (IllegalArgumentException e) {
                skipped++;
                reason = reason == null ? drawn + ": " + e.getMessage() : reason;
            }
        }
        if (trials.isEmpty()) {
            throw new SweepInputException("random", "no draw from the ranges is a backtest: " + reason);
        }
        return new SweepPlan("random", objective, walkForward, seed, List.copyOf(trials), skipped, reason);
    }

    private static SweepParameter parameter(String field, String name, BacktestConfig base) {
        SweepParameter parameter = SweepParameter.byName(name).orElseThrow(() -> new SweepInputException(field,
                "unknown parameter '" + name + "': a sweep varies " + String.join(", ", SweepParameter.names())));
        if (parameter.strategy() != null && !parameter.strategy().equals(base.strategy())) {
            throw new SweepInputException(field, "'" + name + "' is a parameter of strategy " + parameter.strategy() + "; this sweep's strategy is "
                    + base.strategy());
        }
        return parameter;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> object(String field, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new SweepInputException(field, "'" + field + "' must be an object of parameter names");
        }
        if (map.isEmpty()) {
            throw new SweepInputException(field, "'" + field + "' names no parameter");
        }
        return (Map<String, ?>) map;
    }

    private static int whole(String field, Object raw, int min, int max, String rule) {
        return (int) whole(field, raw, (long) min, (long) max, rule);
    }

    private static long whole(String field, Object raw, long min, long max, String rule) {
        BigDecimal n = raw == null || raw instanceof String ? null : com.catalyst.request.NumberBounds.decimal(raw);
        if (n == null || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new SweepInputException(field, "'" + field + "' must be " + rule + ", got " + raw);
        }
        return n.longValueExact();
    }

    private static boolean same(Object a, Object b) {
        return a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
    }
}
