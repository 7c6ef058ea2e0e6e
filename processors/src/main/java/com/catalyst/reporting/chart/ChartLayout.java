package com.catalyst.reporting.chart;

import com.catalyst.reporting.AxisTicks;

/**
 * Where things go on the candle chart's canvas: bar {@code i}'s centre and width, a price's height. The renderer
 * draws with it and a test reads pixels with it, so both agree on the geometry.
 */
public record ChartLayout(int width, int height, int barCount, AxisTicks prices) {

    public static final int LEFT = 16;
    public static final int RIGHT = 72;
    public static final int TOP = 44;
    public static final int BOTTOM = 40;

    public double slot() {
        return (width - LEFT - RIGHT) / (double) Math.max(1, barCount);
    }

    public double x(int bar) {
        return LEFT + (bar + 0.5) * slot();
    }

    /** A candle body's width: most of its slot, at least one pixel. */
    public int bodyWidth() {
        return (int) Math.max(1, Math.floor(slot() * 0.7));
    }

    public double y(double price) {
        return height - BOTTOM - (price - prices.low()) / (prices.high() - prices.low()) * (height - TOP - BOTTOM);
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return width - RIGHT;
    }

    public int plotTop() {
        return TOP;
    }

    public int plotBottom() {
        return height - BOTTOM;
    }
}
