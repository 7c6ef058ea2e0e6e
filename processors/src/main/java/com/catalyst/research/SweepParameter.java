package com.catalyst.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.catalyst.backtest.BacktestConfig;
import com.catalyst.backtest.BacktestInputException;
import com.catalyst.request.NumberBounds;
import com.catalyst.risk.RiskLimit;
import com.catalyst.risk.RiskLimitsChange;
import com.catalyst.trading.ExitSettings;

/**
 * A parameter a sweep may vary: a strategy's ({@code ema_fast}, {@code ema_slow}, {@code atr_period},
 * {@code atr_multiple}, {@code cycle_minutes}), the exit's ({@code exit_mode}, {@code trail_percent},
 * {@code trail_atr_multiple}) or any risk limit by its {@link RiskLimit} key, with its range. The ranges are those a
 * backtest request has (BacktestConfig, ExitSettings) and, for a risk limit, the one table's.
 *
 * @param strategy the strategy the parameter belongs to; null when every strategy has it
 * @param choices  the values a text parameter takes; empty for a number
 */
public record SweepParameter(String name, Kind kind, BigDecimal min, BigDecimal max, String strategy, List<String> choices) {

    public enum Kind { WHOLE, DECIMAL, CHOICE }

    /** Decimal values drawn at random are rounded to this many places (so that they read as a person would type them). */
    static final int RANDOM_SCALE = 4;

    private static final Map<String, SweepParameter> STRATEGY = new LinkedHashMap<>();

    static {
        String period = String.valueOf(BacktestConfig.MAX_PERIOD);
        add(new SweepParameter("ema_fast", Kind.WHOLE, BigDecimal.ONE, new BigDecimal(period), BacktestConfig.EMA_CROSS, List.of()));
        add(new SweepParameter("ema_slow", Kind.WHOLE, BigDecimal.valueOf(2), new BigDecimal(period), BacktestConfig.EMA_CROSS, List.of()));
        add(new SweepParameter("atr_period", Kind.WHOLE, BigDecimal.ONE, new BigDecimal(period), BacktestConfig.EMA_CROSS, List.of()));
        add(new SweepParameter("atr_multiple", Kind.DECIMAL, new BigDecimal("0.01"), BigDecimal.valueOf((long) BacktestConfig.MAX_ATR_MULTIPLE),
                BacktestConfig.EMA_CROSS, List.of()));
        add(new SweepParameter("cycle_minutes", Kind.WHOLE, BigDecimal.ONE, BigDecimal.valueOf(390), BacktestConfig.PATTERN, List.of()));
        add(new SweepParameter("exit_mode", Kind.CHOICE, null, null, null,
                List.of(ExitSettings.Mode.values()).stream().map(ExitSettings.Mode::id).toList()));
        add(new SweepParameter("trail_percent", Kind.DECIMAL, new BigDecimal("0.1"), BigDecimal.valueOf(50), null, List.of()));
        add(new SweepParameter("trail_atr_multiple", Kind.DECIMAL, new BigDecimal("0.1"), BigDecimal.valueOf(20), null, List.of()));
    }

    private static void add(SweepParameter p) {
        STRATEGY.put(p.name(), p);
    }

    /** The parameter named {@code name}: a strategy or exit parameter, or a risk limit. */
    public static Optional<SweepParameter> byName(String name) {
        if (STRATEGY.containsKey(name)) {
            return Optional.of(STRATEGY.get(name));
        }
        return RiskLimit.byKey(name).map(l -> new SweepParameter(l.key(), l.whole() ? Kind.WHOLE : Kind.DECIMAL, l.min(), l.max(), null, List.of()));
    }

    /** Every name a sweep takes, for messages. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(STRATEGY.keySet());
        for (RiskLimit limit : RiskLimit.values()) {
            names.add(limit.key());
        }
        return names;
    }

    public boolean riskLimit() {
        return RiskLimit.byKey(name).isPresent();
    }

    /** {@code raw} checked against the range: an Integer, a BigDecimal or one of the choices; a 400 naming {@code field} otherwise. */
    public Object value(String field, Object raw) {
        if (kind == Kind.CHOICE) {
            if (!(raw instanceof String s) || !choices.contains(s)) {
                throw new SweepInputException(field, "'" + field + "' must be one of " + String.join(", ", choices) + ", got " + show(raw));
            }
            return s;
        }
        BigDecimal number = raw instanceof String ? null : NumberBounds.decimal(raw);
        if (number == null) {
            throw new SweepInputException(field, "'" + field + "' must be a number from " + range() + ", got " + show(raw));
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0 || (kind == Kind.WHOLE && number.stripTrailingZeros().scale() > 0)) {
            throw new SweepInputException(field, "'" + field + "' must be " + range() + ", got " + number.toPlainString());
        }
        return kind == Kind.WHOLE ? (Object) number.intValueExact() : number.stripTrailingZeros();
    }

    /** A value drawn uniformly from [low, high] (a whole number for a whole parameter, {@value #RANDOM_SCALE} places otherwise). */
    Object draw(java.util.Random random, BigDecimal low, BigDecimal high) {
        if (kind == Kind.WHOLE) {
            long lo = low.longValueExact();
            long span = high.longValueExact() - lo + 1;
            return (int) (lo + (long) Math.floor(random.nextDouble() * span));
        }
        BigDecimal drawn = low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextDouble()))).setScale(RANDOM_SCALE, RoundingMode.HALF_UP);
        return drawn.max(low).min(high).stripTrailingZeros();
    }

    public String range() {
        return min.stripTrailingZeros().toPlainString() + " to " + max.stripTrailingZeros().toPlainString() + (kind == Kind.WHOLE ? ", a whole number" : "");
    }

    /**
     * {@code base} with {@code parameters} (already checked by {@link #value}) laid over it: the strategy's and the
     * exit's fields and the risk limits (through {@link RiskLimitsChange}, the one way limits change).
     *
     * @throws BacktestInputException when the combination is not a backtest (a fast EMA not shorter than the slow one)
     */
    public static BacktestConfig apply(BacktestConfig base, Map<String, Object> parameters) {
        Map<String, Object> risk = new LinkedHashMap<>();
        int fast = base.emaFast();
        int slow = base.emaSlow();
        int atrPeriod = base.atrPeriod();
        double atrMultiple = base.atrMultiple();
        int cycle = base.cycleMinutes();
        ExitSettings.Mode mode = base.exit().mode();
        BigDecimal trailPercent = base.exit().trailPercent();
        BigDecimal trailAtr = base.exit().trailAtrMultiple();
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            Object v = p.getValue();
            switch (p.getKey()) {
                case "ema_fast" -> fast = ((Number) v).intValue();
                case "ema_slow" -> slow = ((Number) v).intValue();
                case "atr_period" -> atrPeriod = ((Number) v).intValue();
                case "atr_multiple" -> atrMultiple = ((Number) v).doubleValue();
                case "cycle_minutes" -> cycle = ((Number) v).intValue();
                case "exit_mode" -> mode = ExitSettings.Mode.of((String) v);
                case "trail_percent" -> trailPercent = new BigDecimal(v.toString());
                case "trail_atr_multiple" -> trailAtr = new BigDecimal(v.toString());
                default -> risk.put(p.getKey(), v);
            }
        }
        var limits = risk.isEmpty() ? base.risk() : RiskLimitsChange.apply(base.risk(), RiskLimitsChange.checked(risk));
        return copy(base, Map.of("risk", limits, "cycleMinutes", cycle, "emaFast", fast, "emaSlow", slow, "atrPeriod", atrPeriod,
                "atrMultiple", atrMultiple, "exit", new ExitSettings(mode, trailPercent, trailAtr)));
    }

    /**
     * {@code base} with the named components replaced, every other component carried over as it is, through the record's
     * canonical constructor (so its checks run): a component BacktestConfig gains later is kept by every trial, never
     * silently reset to a default by a constructor that does not know it.
     */
    static BacktestConfig copy(BacktestConfig base, Map<String, Object> replaced) {
        var components = BacktestConfig.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = replaced.containsKey(components[i].getName()) ? replaced.get(components[i].getName())
                        : components[i].getAccessor().invoke(base);
            }
            return BacktestConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the configuration's own refusal (BacktestInputException)
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BacktestConfig is not copyable as a record", e);
        }
    }

    private static String show(Object raw) {
        String s = raw instanceof String ? "'" + raw + "'" : String.valueOf(raw);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
