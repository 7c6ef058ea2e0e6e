package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.util.List;

/**
 * A read-only view of bars in which the pattern's direction always points up.
 *
 * <p>Bullish view: prices as they are. Bearish view: every price negated, so a high becomes the
 * view's bottom. Each detector is written once for the bullish shape (bull flag, double bottom,
 * hammer...) and the bearish twin (bear flag, double top, shooting star...) is the same code on
 * the bearish view; {@link #price(double)} turns view values back into real prices.
 */
final class OrientedSeries {

    private final List<Bar> bars;
    private final Direction direction;
    private final double sign;

    OrientedSeries(List<Bar> bars, Direction direction) {
        if (direction == Direction.NEUTRAL) {
            throw new IllegalArgumentException("a view needs a bullish or bearish direction");
        }
        this.bars = bars;
        this.direction = direction;
        this.sign = direction == Direction.BULLISH ? 1.0 : -1.0;
    }

    Direction direction() {
        return direction;
    }

    boolean bullish() {
        return direction == Direction.BULLISH;
    }

    List<Bar> bars() {
        return bars;
    }

    int size() {
        return bars.size();
    }

    // negating a price swaps which extreme is the top, hence low for the bearish view
    double top(int i) {
        Bar bar = bars.get(i);
        return bullish() ? bar.high() : -bar.low();
    }

    double bottom(int i) {
        Bar bar = bars.get(i);
        return bullish() ? bar.low() : -bar.high();
    }

    double open(int i) {
        return sign * bars.get(i).open();
    }

    double close(int i) {
        return sign * bars.get(i).close();
    }

    double body(int i) {
        return Math.abs(close(i) - open(i));
    }

    double range(int i) {
        return top(i) - bottom(i);
    }

    /** Shadow on the side the pattern points to (the upper shadow in the bullish view). */
    double upperShadow(int i) {
        return top(i) - Math.max(open(i), close(i));
    }

    double lowerShadow(int i) {
        return Math.min(open(i), close(i)) - bottom(i);
    }

    /** True when the candle moved with the view's direction (a white candle in the bullish view). */
    boolean rising(int i) {
        return close(i) > open(i);
    }

    boolean falling(int i) {
        return close(i) < open(i);
    }

    long volume(int i) {
        return bars.get(i).volume();
    }

    double highestTop(int from, int to) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            best = Math.max(best, top(i));
        }
        return best;
    }

    double lowestBottom(int from, int to) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            best = Math.min(best, bottom(i));
        }
        return best;
    }

    double highestClose(int from, int to) {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            best = Math.max(best, close(i));
        }
        return best;
    }

    /** A view value back as a real price. */
    double price(double viewValue) {
        return sign * viewValue;
    }

    /** The level name of the view's ceiling: resistance when bullish, support when bearish. */
    PriceLevel ceilingLevel() {
        return bullish() ? PriceLevel.RESISTANCE : PriceLevel.SUPPORT;
    }

    PriceLevel floorLevel() {
        return bullish() ? PriceLevel.SUPPORT : PriceLevel.RESISTANCE;
    }
}
