package com.catalyst.market;

/**
 * What can be wrong with an incoming bar, and what {@link BarSanitizer} does about it. Checked in this order;
 * a bar is rejected for the first rule it breaks.
 */
public enum BarIssue {

    /** Time or the bar itself is missing: reject, there is nothing to place in the series. */
    MISSING_TIME(Action.REJECT),
    /** An open, high, low or close is NaN or infinite: reject, no repair can know the price. */
    NON_FINITE_PRICE(Action.REJECT),
    /** A price is zero or negative: reject, equities do not trade there; it is a feed placeholder. */
    NON_POSITIVE_PRICE(Action.REJECT),
    /** High below low: reject, the two extremes contradict each other and neither can be trusted. */
    HIGH_BELOW_LOW(Action.REJECT),
    /** Volume below zero: reject, a corrupt field. */
    NEGATIVE_VOLUME(Action.REJECT),
    /** Volume zero: reject, no trade happened; a price without trades would distort VWAP, volume and ranges. */
    ZERO_VOLUME(Action.REJECT),
    /** Same time as the last accepted bar: reject the later copy (streaming indicators cannot amend a bar). */
    DUPLICATE_TIME(Action.REJECT),
    /** Earlier than the last accepted bar: reject, indicators only move forward. */
    OUT_OF_ORDER(Action.REJECT),
    /**
     * Open or close outside [low, high]: repair by widening high/low to include them; open and close are
     * actual trades, so the range must contain them.
     */
    OPEN_OR_CLOSE_OUTSIDE_RANGE(Action.REPAIR);

    /** Whether a bar with this issue is dropped or corrected and kept. */
    public enum Action { REJECT, REPAIR }

    private final Action action;

    BarIssue(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }
}
