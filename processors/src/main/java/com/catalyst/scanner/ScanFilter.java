package com.catalyst.scanner;

import java.util.Locale;

/** The scanner's filters in the order they are applied (cheapest first); a symbol is counted under the first it fails. */
public enum ScanFilter {
    /** Too few session bars for the look-back and the ATR. */
    BARS,
    PRICE,
    AVERAGE_VOLUME,
    RELATIVE_VOLUME,
    GAP,
    MOMENTUM,
    ATR;

    /** The name used in JSON and in the documentation: {@code relative_volume}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
