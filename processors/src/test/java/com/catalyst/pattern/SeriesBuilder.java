package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds synthetic one-minute bars from straight legs and explicit candles, for pattern fixtures. */
final class SeriesBuilder {

    static final Instant START = Instant.parse("2011-03-09T14:31:00Z");

    private final List<Bar> bars = new ArrayList<>();
    private double close;
    private double wick = 0.05;
    private long volume = 1000;

    private SeriesBuilder(double price) {
        this.close = price;
    }

    static SeriesBuilder startingAt(double price) {
        return new SeriesBuilder(price);
    }

    /** Moves the close in equal steps to {@code target} over {@code count} bars; each bar opens at the previous close. */
    SeriesBuilder to(double target, int count) {
        double step = (target - close) / count;
        for (int i = 1; i <= count; i++) {
            double open = close;
            double next = i == count ? target : close + step;
            add(open, Math.max(open, next) + wick, Math.min(open, next) - wick, next, volume);
        }
        return this;
    }

    SeriesBuilder candle(double open, double high, double low, double close) {
        return candle(open, high, low, close, volume);
    }

    SeriesBuilder candle(double open, double high, double low, double close, long barVolume) {
        add(open, high, low, close, barVolume);
        return this;
    }

    int size() {
        return bars.size();
    }

    List<Bar> build() {
        return List.copyOf(bars);
    }

    private void add(double open, double high, double low, double close, long barVolume) {
        bars.add(new Bar(START.plus(Duration.ofMinutes(bars.size())), open, high, low, close, barVolume));
        this.close = close;
    }

    /** Reflects every price around {@code axis} (p becomes 2 * axis - p): a bull pattern becomes its bear twin. */
    static List<Bar> mirrored(List<Bar> bars, double axis) {
        List<Bar> mirrored = new ArrayList<>();
        for (Bar bar : bars) {
            mirrored.add(new Bar(bar.time(), 2 * axis - bar.open(), 2 * axis - bar.low(), 2 * axis - bar.high(),
                    2 * axis - bar.close(), bar.volume()));
        }
        return mirrored;
    }
}
