package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.catalyst.request.NumberBounds;

/**
 * The risk limits a trader may change while Catalyst runs (all of {@link RiskLimit}, each in its range), and how a set of
 * such changes (snake_case names, as the REST API and the MCP tool take them) lays over the configured limits.
 * A change outside its range, of an unknown name or of the wrong type is refused whole, naming what was wrong:
 * nothing is applied in part.
 */
public final class RiskLimitsChange {

    private RiskLimitsChange() {
    }

    /**
     * Checks {@code changes} and answers them normalized (names in the order of {@link RiskLimit}, values as
     * BigDecimal or Integer). Throws IllegalArgumentException naming the first bad name or value and its range.
     */
    public static Map<String, Object> checked(Map<String, ?> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new IllegalArgumentException("no limit to change: name at least one of " + names());
        }
        for (String name : changes.keySet()) {
            if (RiskLimit.byKey(name).isEmpty()) {
                throw new IllegalArgumentException("unknown risk limit '" + name + "': the limits that can change are " + names());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (RiskLimit limit : RiskLimit.values()) {
            if (changes.containsKey(limit.key())) {
                out.put(limit.key(), value(limit, changes.get(limit.key())));
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
                integer(v.get("no_entry_first_minutes")), integer(v.get("no_entry_last_minutes")), decimal(v.get("max_short_exposure_share")),
                decimal(v.get("max_short_position_share")));
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

    /** The limits under their keys ({@link RiskLimit#key()}), in the table's order. */
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
        out.put("max_short_exposure_share", limits.maxShortExposureShare());
        out.put("max_short_position_share", limits.maxShortPositionShare());
        return out;
    }

    private static Object value(RiskLimit limit, Object raw) {
        // bounded before any comparison: 1e2000000000 would otherwise be expanded digit by digit
        BigDecimal number = NumberBounds.decimal(raw);
        if (number == null) {
            throw outOfRange(limit, raw instanceof Number || raw instanceof String
                    ? "'" + shortened(String.valueOf(raw)) + "', which is not " + NumberBounds.RULE : kind(raw));
        }
        if (number.compareTo(limit.min()) < 0 || number.compareTo(limit.max()) > 0) {
            throw outOfRange(limit, number.toPlainString());
        }
        if (limit.whole()) {
            if (number.stripTrailingZeros().scale() > 0) {
                throw outOfRange(limit, number.toPlainString() + " is not a whole number");
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

    private static IllegalArgumentException outOfRange(RiskLimit limit, String got) {
        return new IllegalArgumentException(limit.key() + " must be " + limit.range() + " (" + limit.unit() + ": " + limit.description()
                + "); got " + got);
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static int integer(Object v) {
        return ((Number) v).intValue();
    }

    private static List<String> names() {
        return java.util.Arrays.stream(RiskLimit.values()).map(RiskLimit::key).toList();
    }
}
