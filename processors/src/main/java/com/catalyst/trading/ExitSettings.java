package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

import com.catalyst.risk.RiskDecision;

/**
 * How an entry's exit is held (catalyst.trading.exit.*, docs/brokers.md "Exits"): {@code bracket}, a fixed stop and a
 * target (the default); {@code trailing-percent}, a stop {@code trailPercent} % under the high-water mark; or
 * {@code trailing-atr}, a stop ATR × {@code trailAtrMultiple} dollars under it, the ATR the one risk sized the entry with,
 * fixed at the entry. A short's stop is as far above its low-water mark. A trailing mode keeps the target and the fixed
 * stop (a long's floor, a short's ceiling) for the planner.
 */
public record ExitSettings(Mode mode, BigDecimal trailPercent, BigDecimal trailAtrMultiple) {

    public static final ExitSettings BRACKET = new ExitSettings(Mode.BRACKET, BigDecimal.valueOf(2), BigDecimal.valueOf(2));
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** The exit modes, by the names the setting takes. */
    public enum Mode {
        BRACKET("bracket"), TRAILING_PERCENT("trailing-percent"), TRAILING_ATR("trailing-atr");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Mode of(String id) {
            return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "catalyst.trading.exit.mode must be bracket, trailing-percent or trailing-atr, got '" + id + "'"));
        }
    }

    public ExitSettings {
        if (mode == null) {
            throw new IllegalArgumentException("catalyst.trading.exit.mode must be bracket, trailing-percent or trailing-atr");
        }
        if (trailPercent == null || trailPercent.compareTo(new BigDecimal("0.1")) < 0 || trailPercent.compareTo(BigDecimal.valueOf(50)) > 0) {
            throw new IllegalArgumentException("catalyst.trading.exit.trail-percent must be between 0.1 and 50 (percent), got " + trailPercent);
        }
        if (trailAtrMultiple == null || trailAtrMultiple.compareTo(new BigDecimal("0.1")) < 0 || trailAtrMultiple.compareTo(BigDecimal.valueOf(20)) > 0) {
            throw new IllegalArgumentException("catalyst.trading.exit.trail-atr-multiple must be between 0.1 and 20, got " + trailAtrMultiple);
        }
    }

    public static ExitSettings of(String mode, double trailPercent, double trailAtrMultiple) {
        return new ExitSettings(Mode.of(mode), BigDecimal.valueOf(trailPercent), BigDecimal.valueOf(trailAtrMultiple));
    }

    public boolean trailing() {
        return mode != Mode.BRACKET;
    }

    /** The trail of an approved entry: null in bracket mode. */
    public Trail trailFor(RiskDecision decision) {
        Object atr = decision.numbers() == null ? null : decision.numbers().get("atr");
        return trailFor(decision.entryPrice(), decision.stopPrice(), atr instanceof Number n ? n.doubleValue() : Double.NaN);
    }

    /**
     * The trail of an entry at {@code entry} with its fixed {@code stop}: the percent; or ATR × multiple in dollars,
     * rounded to the cent (Alpaca's price increment) and at least a cent. Without an ATR (too few bars) the trail is the
     * fixed stop's distance (above the entry for a short), so the first trailing stop sits where the bracket's would.
     */
    public Trail trailFor(BigDecimal entry, BigDecimal stop, double atr) {
        return switch (mode) {
            case BRACKET -> null;
            case TRAILING_PERCENT -> Trail.percent(trailPercent);
            case TRAILING_ATR -> {
                BigDecimal amount = Double.isFinite(atr) && atr > 0 ? BigDecimal.valueOf(atr).multiply(trailAtrMultiple)
                        : entry != null && stop != null ? entry.subtract(stop).abs() : CENT;
                yield Trail.price(amount.setScale(2, RoundingMode.HALF_UP).max(CENT));
            }
        };
    }
}
