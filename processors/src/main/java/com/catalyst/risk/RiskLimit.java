package com.catalyst.risk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The risk limits, each written once: its name, its range, its default, its unit and what it means. Everything that
 * checks or shows a limit reads it from here: start-up validation of {@code catalyst.risk.*} (and the defaults when a
 * setting is absent), the trader's run-time changes ({@link RiskLimitsChange}: {@code PUT /api/v1/risk/limits} and the
 * MCP tool {@code update_risk_parameters}, whose input schema is built from this table), {@code GET /api/v1/risk/limits}'s
 * ranges, and the README's table of settings, which a test compares with {@link #markdownTable()}.
 * <p>
 * Where the earlier copies disagreed, the range here settles it (docs/architecture.md, Risk): a reward-to-risk below
 * 1.0 puts the target nearer than the stop; a stop under half an ATR sits inside a minute's noise; more than 20 open
 * positions is more than one trader can watch intraday; exposure up to 4 × equity is a margin account's intraday
 * buying power.
 */
public enum RiskLimit {

    RISK_PER_TRADE("risk_per_trade", "0.001", "0.05", false, "0.01", "share of equity",
            "what the trade loses if its stop is hit (0.01 = 1 % of equity); sizes every entry"),
    MAX_OPEN_POSITIONS("max_open_positions", "1", "20", true, "5", "positions",
            "open positions at most; entry orders still working or of unknown outcome count as open"),
    MAX_POSITION_SHARE("max_position_share", "0.01", "1", false, "0.20", "share of equity",
            "one position's value at most"),
    MAX_TOTAL_EXPOSURE_SHARE("max_total_exposure_share", "0.01", "4", false, "1.0", "share of equity",
            "the market value of all open positions at most (1.0: no leverage); working and unknown entry orders count as if they filled"),
    MIN_PRICE("min_price", "0.01", "1000", false, "5", "USD",
            "no entries below this price"),
    MAX_DAILY_LOSS("max_daily_loss", "1", "1000000", false, "2000", "USD",
            "realized loss in a session day that stops new entries (the kill switch): every loss closed that day counts, and once tripped "
                    + "neither a raise nor a reset of the limits lifts it before the next session"),
    STOP_ATR_MULTIPLE("stop_atr_multiple", "0.5", "10", false, "2.0", "ATR",
            "the stop's distance from the entry in ATRs, clamped to 1-5 % of the entry"),
    REWARD_TO_RISK("reward_to_risk", "1.0", "10", false, "2.0", "stop distances",
            "the target's distance from the entry as a multiple of the stop's"),
    NO_ENTRY_FIRST_MINUTES("no_entry_first_minutes", "0", "120", true, "5", "minutes",
            "no entries in the first minutes of the session (0: off)"),
    NO_ENTRY_LAST_MINUTES("no_entry_last_minutes", "0", "120", true, "15", "minutes",
            "no entries in the last minutes of the session (0: off); with the first, under 390"),
    MAX_SHORT_EXPOSURE_SHARE("max_short_exposure_share", "0", "2", false, "0.5", "share of equity",
            "the market value of all open short positions at most, working short entries counted as if they filled (0: no shorts); "
                    + "shorts count in the total exposure too. Shorts are off unless `CATALYST_TRADING_ALLOW_SHORT` is true"),
    MAX_SHORT_POSITION_SHARE("max_short_position_share", "0.01", "1", false, "0.10", "share of equity",
            "one short position's value at most (a short's loss has no ceiling, so below max_position_share by default; the lower of the two binds)");

    private final String key;
    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean whole;
    private final BigDecimal defaultValue;
    private final String unit;
    private final String description;

    RiskLimit(String key, String min, String max, boolean whole, String defaultValue, String unit, String description) {
        this.key = key;
        this.min = new BigDecimal(min);
        this.max = new BigDecimal(max);
        this.whole = whole;
        this.defaultValue = new BigDecimal(defaultValue);
        this.unit = unit;
        this.description = description;
    }

    /** The name the REST API, the MCP tool and the database's change log use: {@code risk_per_trade}. */
    public String key() {
        return key;
    }

    /** The setting: {@code catalyst.risk.risk-per-trade}. */
    public String property() {
        return "catalyst.risk." + key.replace('_', '-');
    }

    /** The environment variable: {@code CATALYST_RISK_RISK_PER_TRADE}. */
    public String environmentVariable() {
        return "CATALYST_RISK_" + key.toUpperCase(Locale.ROOT);
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    /** Whether only whole numbers are allowed. */
    public boolean whole() {
        return whole;
    }

    public BigDecimal defaultValue() {
        return defaultValue;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** Whether {@code value} is in the range (bounds included) and, for a whole limit, whole. */
    public boolean allows(BigDecimal value) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0
                && (!whole || value.stripTrailingZeros().scale() <= 0);
    }

    /** The range as a message says it: {@code 0.001 to 0.05}, or {@code 1 to 20, a whole number}. */
    public String range() {
        return plain(min) + " to " + plain(max) + (whole ? ", a whole number" : "");
    }

    public static Optional<RiskLimit> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    /** The README's table of the risk settings, row for row as this table holds them. */
    public static String markdownTable() {
        String header = "| Variable | Default | Range | Unit | Meaning |\n|---|---|---|---|---|\n";
        return header + Arrays.stream(values()).map(l -> "| `" + l.environmentVariable() + "` | `" + plain(l.defaultValue) + "` | "
                + plain(l.min) + "–" + plain(l.max) + (l.whole ? ", whole" : "") + " | " + l.unit + " | " + l.description + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
