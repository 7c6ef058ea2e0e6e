package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a trailing stop sits from its mark: a percent of it ({@code percent}, 1.5 is 1.5 %) or a dollar amount
 * ({@code price}), exactly one of them, as Alpaca's {@code trail_percent} and {@code trail_price}. A long's (sell) stop
 * sits that far below the high-water mark, a short's (buy) stop that far above the low-water mark.
 */
public record Trail(BigDecimal percent, BigDecimal price) {

    public Trail {
        if ((percent == null) == (price == null)) {
            throw new IllegalArgumentException("a trail is a percent or a price, exactly one of them; got percent " + percent + " and price " + price);
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw new IllegalArgumentException("a trail percent must be above 0 and below 100, got " + percent);
        }
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException("a trail price must be positive, got " + price);
        }
    }

    public static Trail percent(BigDecimal percent) {
        return new Trail(percent, null);
    }

    public static Trail price(BigDecimal price) {
        return new Trail(null, price);
    }

    /** The stop for a long position whose high-water mark is {@code hwm}: hwm − price, or hwm × (1 − percent / 100). */
    public BigDecimal stopBelow(BigDecimal hwm) {
        BigDecimal stop = price != null ? hwm.subtract(price)
                : hwm.multiply(BigDecimal.ONE.subtract(percent.movePointLeft(2)));
        return stop.setScale(4, RoundingMode.HALF_UP);
    }

    /** The stop for a short position whose low-water mark is {@code lwm}: lwm + price, or lwm × (1 + percent / 100). */
    public BigDecimal stopAbove(BigDecimal lwm) {
        BigDecimal stop = price != null ? lwm.add(price) : lwm.multiply(BigDecimal.ONE.add(percent.movePointLeft(2)));
        return stop.setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * The stop of a trailing stop order on {@code side} whose mark is {@code mark}: a sell (a long's exit) below its
     * high-water mark, a buy (a short's cover) above its low-water mark.
     */
    public BigDecimal stopFor(OrderSide side, BigDecimal mark) {
        return side == OrderSide.BUY ? stopAbove(mark) : stopBelow(mark);
    }
}
