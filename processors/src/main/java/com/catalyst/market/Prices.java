package com.catalyst.market;

import java.math.BigDecimal;

/**
 * A price in {@code double}, as bars and quotes carry it, to the {@link BigDecimal} the record and the book compute in.
 */
public final class Prices {

    private Prices() {
    }

    /**
     * {@link BigDecimal#valueOf(double)}, value and scale, found without writing the double out as text when the price
     * has at most four decimal places, as market prices and the paper broker's fills without slippage do:
     * {@code Double.toString}, which {@code valueOf} parses, is the largest single cost of a backtest's marks and fills on
     * Java 17.
     * <p>
     * Why it is the same: when {@code d} is the nearest double to {@code k / 10^4}, no other decimal of four places or
     * fewer lies within half an ulp of {@code d}, so the shortest decimal {@code Double.toString} writes for it is
     * {@code k / 10^4} with its trailing zeros dropped, and at least one decimal place ("150.0"). Between 10^-3 and 10^7
     * {@code Double.toString} writes plain notation, which {@code BigDecimal} reads at that scale; outside that range (and
     * for NaN and the infinities) this falls back to {@code valueOf}. {@code PricesTest} checks it against {@code valueOf}.
     */
    public static BigDecimal decimal(double price) {
        double magnitude = Math.abs(price);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            long units = Math.round(price * 10_000);
            if (units / 10_000.0 == price) {
                int scale = 4;
                while (scale > 1 && units % 10 == 0) {
                    units /= 10;
                    scale--;
                }
                return BigDecimal.valueOf(units, scale);
            }
        }
        return BigDecimal.valueOf(price);
    }
}
