package com.catalyst.scanner;

/**
 * The scanner's filters. Price range, minimum 20-day average volume and the momentum look-back (1-minute bars) always
 * apply; each of the four minimums below is off when 0.
 *
 * @param minRelativeVolume  today's volume against the share of the 20-day average expected by now (1.5 = 150 %)
 * @param minGapPercent      the signed opening gap against the previous close, in percent: gap-ups only, since the
 *                           pipeline only buys
 * @param minMomentumPercent the signed price change over the look-back, in percent
 * @param minAtrPercent      ATR(14) of the session's 1-minute bars as a percent of the last price: does it move enough to trade
 */
public record ScannerSettings(double minPrice, double maxPrice, long minAverageVolume, int momentumBars,
                              double minRelativeVolume, double minGapPercent, double minMomentumPercent, double minAtrPercent) {

    /** ATR period of the ATR % filter, on 1-minute bars. */
    public static final int ATR_PERIOD = 14;

    public ScannerSettings {
        if (minPrice <= 0 || maxPrice <= minPrice) {
            throw new IllegalArgumentException("scanner price range must satisfy 0 < min-price < max-price, got " + minPrice + "–" + maxPrice);
        }
        if (momentumBars < 2) {
            throw new IllegalArgumentException("scanner momentum-bars must be at least 2, got " + momentumBars);
        }
        requireOffOrPositive("min-relative-volume", minRelativeVolume);
        requireOffOrPositive("min-gap-percent", minGapPercent);
        requireOffOrPositive("min-momentum-percent", minMomentumPercent);
        requireOffOrPositive("min-atr-percent", minAtrPercent);
    }

    /** Only the always-on filters: price, liquidity and look-back; the four minimums off. */
    public ScannerSettings(double minPrice, double maxPrice, long minAverageVolume, int momentumBars) {
        this(minPrice, maxPrice, minAverageVolume, momentumBars, 0, 0, 0, 0);
    }

    /** Bars a symbol needs before it can be scored: the look-back plus its reference bar, and the ATR's warm-up when the ATR filter is on. */
    public int barsNeeded() {
        return minAtrPercent > 0 ? Math.max(momentumBars + 1, ATR_PERIOD) : momentumBars + 1;
    }

    private static void requireOffOrPositive(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("scanner " + name + " must be 0 (off) or positive, got " + value);
        }
    }
}
