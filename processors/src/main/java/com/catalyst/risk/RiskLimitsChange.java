package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.catalyst.request.NumberBounds;

/**
 * The risk limits a trader may change while Catalyst runs, each with the range it must stay in, and how a set of
 * such changes (snake_case names, as the REST API and the MCP tool take them) lays over the configured limits.
 * A change outside its range, of an unknown name or of the wrong type is refused whole, naming what was wrong:
 * nothing is applied in part.
 */
public final class RiskLimitsChange {

    /** One changeable limit: its name, its range (inclusive) and whether it takes whole numbers only. */
    public record Field(String name, double min, double max, boolean whole, String meaning) {
    }

    public static final List<Field> FIELDS = List.of(
            new Field("risk_per_trade", 0.001, 0.05, false, "share of equity risked to the stop per trade"),
            new Field("max_open_positions", 1, 20, true, "most positions open at once"),
            new Field("max_position_share", 0.01, 1, false, "largest share of equity in one position"),
            new Field("max_total_exposure_share", 0.01, 1, false, "all open positions as a share of equity (1: no leverage)"),
            new Field("min_price", 0.01, 1000, false, "lowest entry price in USD"),
            new Field("max_daily_loss", 1, 1_000_000, false, "realized loss in USD in a session after which no new entries are made"),
            new Field("stop_atr_multiple", 0.5, 10, false, "stop distance in ATRs (clamped to 1-5 % of the entry)"),
            new Field("reward_to_risk", 0.5, 10, false, "take-profit distance as a multiple of the stop distance"),
            new Field("no_entry_first_minutes", 0, 120, true, "no entries in the first minutes of the session"),
            new Field("no_entry_last_minutes", 0, 120, true, "no entries in the last minutes of the session"));

    private RiskLimitsChange() {
    }

    /**
     * Checks {@code changes} and answers them normalized (names in the order of {@link #FIELDS}, values as
     * BigDecimal or Integer). Throws IllegalArgumentException naming the first bad name or value and its range.
     */
    public static Map<String, Object> checked(Map<String, ?> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("no limit to change: name at least one of " + names());
        }
        Map<String, Field> known = new LinkedHashMap<>();
        FIELDS.forEach(f -> known.put(f.name(), f));
        for (String name : changes.keySet()) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("unknown risk limit '" + name + "': the limits that can change are " + names());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            if (changes.containsKey(field.name())) {
                out.put(field.name(), value(field, changes.get(field.name())));
            }
        }
        return out;
    }

    /** {@code base} with the overridden limits replaced; {@code overrides} must come from {@link #checked}. */
    public static RiskLimits apply(RiskLimits base, Map<String, Object> overrides) {
        Map<String, Object> v = new TreeMap<>(describe(base));
        v.putAll(overrides);
        return new RiskLimits(decimal(v.get("risk_per_trade")), integer(v.get("max_open_positions")), decimal(v.get("max_position_share")),
                decimal(v.get("min_price")), decimal(v.get("max_daily_loss")), decimal(v.get("stop_atr_multiple")).doubleValue(),
                decimal(v.get("reward_to_risk")).doubleValue(), decimal(v.get("max_total_exposure_share")),
                integer(v.get("no_entry_first_minutes")), integer(v.get("no_entry_last_minutes")));
    }

    /**
     * Whether putting {@code next} in force instead of {@code current} would lift a kill switch that has tripped today:
     * today's realized P&L reached the daily loss limit in force, and would not reach the new one. No change and no reset
     * may do that: the switch holds until the next session. Tightening, or any change once the switch is off, is fine.
     */
    public static boolean liftsKillSwitch(RiskLimits current, RiskLimits next, BigDecimal realizedToday) {
        BigDecimal realized = realizedToday == null ? BigDecimal.ZERO : realizedToday;
        boolean trippedNow = realized.compareTo(current.maxDailyLoss().negate()) <= 0;
        boolean trippedAfter = realized.compareTo(next.maxDailyLoss().negate()) <= 0;
        return trippedNow && !trippedAfter;
    }

    /** The limits under the names of {@link #FIELDS}, in that order. */
    public static Map<String, Object> describe(RiskLimits limits) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("risk_per_trade", limits.riskPerTrade());
        out.put("max_open_positions", limits.maxOpenPositions());
        out.put("max_position_share", limits.maxPositionShare());
        out.put("max_total_exposure_share", limits.maxTotalExposureShare());
        out.put("min_price", limits.minPrice());
        out.put("max_daily_loss", limits.maxDailyLoss());
        out.put("stop_atr_multiple", BigDecimal.valueOf(limits.stopAtrMultiple()));
        out.put("reward_to_risk", BigDecimal.valueOf(limits.rewardToRisk()));
        out.put("no_entry_first_minutes", limits.noEntryFirstMinutes());
        out.put("no_entry_last_minutes", limits.noEntryLastMinutes());
        return out;
    }

    private static Object value(Field field, Object raw) {
        // bounded before any comparison: 1e2000000000 would otherwise be expanded digit by digit
        BigDecimal number = NumberBounds.decimal(raw);
        if (number == null) {
            throw outOfRange(field, raw instanceof Number || raw instanceof String
                    ? "'" + shortened(String.valueOf(raw)) + "', which is not " + NumberBounds.RULE : kind(raw));
        }
        if (number.compareTo(BigDecimal.valueOf(field.min())) < 0 || number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
            throw outOfRange(field, number.toPlainString());
        }
        if (field.whole()) {
            if (number.stripTrailingZeros().scale() > 0) {
                throw outOfRange(field, number.toPlainString() + " is not a whole number");
            }
            return number.intValueExact();
        }
        return number;
    }

    private static String kind(Object raw) {
        return raw == null ? "null" : raw instanceof Boolean ? "a boolean" : raw instanceof Map ? "an object" : raw instanceof List ? "an array" : "a value";
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static IllegalArgumentException outOfRange(Field field, String got) {
        String range = field.whole() ? (long) field.min() + " to " + (long) field.max() + ", a whole number"
                : BigDecimal.valueOf(field.min()).stripTrailingZeros().toPlainString() + " to "
                        + BigDecimal.valueOf(field.max()).stripTrailingZeros().toPlainString();
        return new IllegalArgumentException(field.name() + " must be " + range + " (" + field.meaning() + "); got " + got);
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static int integer(Object v) {
        return ((Number) v).intValue();
    }

    private static List<String> names() {
        return FIELDS.stream().map(Field::name).toList();
    }
}
