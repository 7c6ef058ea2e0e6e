package com.catalyst.request;

import java.math.BigDecimal;

/**
 * The numbers a request may carry, checked before any arithmetic: a decimal below 10^15 in magnitude with at most 20
 * decimal places, a finite double of the same magnitude. A BigDecimal such as {@code 1e2000000000} costs twelve
 * characters to send and gigabytes to compare or print in full, so nothing computes with a request's number until it
 * has passed here. Each field's own range (a price above 0, a limit from 1 to 20) is checked after this, by its owner.
 */
public final class NumberBounds {

    /** Digits before the decimal point: 10^15 is far beyond any price, quantity or amount of money in USD here. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits after the decimal point (a double's decimal form needs up to 17). */
    public static final int MAX_DECIMAL_PLACES = 20;
    /** Characters of a number sent as text, as in JSON's own limit (see JsonLimits). */
    public static final int MAX_TEXT_LENGTH = 64;
    private static final double MAX_MAGNITUDE = 1e15;

    /** What a field that fails these bounds must be, for the error a client reads. */
    public static final String RULE = "a number below 10^" + MAX_INTEGER_DIGITS + " in magnitude with at most " + MAX_DECIMAL_PLACES
            + " decimal places";

    private NumberBounds() {
    }

    /** Whether {@code value} is within the bounds; cheap whatever its exponent (no expansion of the digits). */
    public static boolean bounded(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return true;
        }
        if (value.precision() - (long) value.scale() > MAX_INTEGER_DIGITS) {
            return false;
        }
        // the precision is at most MAX_TEXT_LENGTH-ish for a parsed request, so stripping zeros is a few steps
        return value.scale() <= MAX_DECIMAL_PLACES || value.precision() <= 2 * MAX_TEXT_LENGTH
                && value.stripTrailingZeros().scale() <= MAX_DECIMAL_PLACES;
    }

    public static boolean bounded(double value) {
        return Double.isFinite(value) && Math.abs(value) < MAX_MAGNITUDE;
    }

    /**
     * A request's number as a bounded BigDecimal: a JSON number (Integer, Long, BigInteger, Double, BigDecimal) or its text.
     * Answers null when it is no number, or one outside the bounds; the caller names the field and its range.
     */
    public static BigDecimal decimal(Object raw) {
        BigDecimal number;
        if (raw instanceof BigDecimal b) {
            number = b;
        } else if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!bounded(d)) {
                return null;
            }
            number = new BigDecimal(raw.toString());
        } else if (raw instanceof Number n) {
            String text = n.toString();
            if (text.length() > MAX_TEXT_LENGTH) {
                return null;
            }
            number = new BigDecimal(text);
        } else if (raw instanceof String s) {
            String text = s.trim();
            if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
                return null;
            }
            try {
                number = new BigDecimal(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        } else {
            return null;
        }
        return bounded(number) ? number : null;
    }
}
