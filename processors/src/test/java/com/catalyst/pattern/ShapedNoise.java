package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random bars built so that one candlestick shape cannot occur: the fair "noise" for a
 * candlestick detector (a plain random walk legitimately contains dojis, hammers and engulfings).
 * Each bar opens at the previous close, moves up or down by a body drawn from a range, and gets two
 * shadows drawn from [0, maxShadow].
 */
final class ShapedNoise {

    private ShapedNoise() {
    }

    /** Bodies uniform in [minBody, maxBody], each shadow uniform in [0, maxShadow]. */
    static List<Bar> bars(long seed, int count, double minBody, double maxBody, double maxShadow) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < count; i++) {
            double body = minBody + random.nextDouble() * (maxBody - minBody);
            close = add(bars, close, random.nextBoolean() ? body : -body, random, maxShadow);
        }
        return bars;
    }

    /** Random bars whose body, whenever the colour changes, is at most 0.9 of the previous body: no engulfing. */
    static List<Bar> withoutEngulfing(long seed, int count) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        double close = 100;
        double previousMove = 0.2;
        for (int i = 0; i < count; i++) {
            boolean flips = random.nextBoolean();
            double body = flips ? (0.3 + 0.6 * random.nextDouble()) * Math.abs(previousMove) : 0.05 + 0.25 * random.nextDouble();
            double move = (flips ? -Math.signum(previousMove) : Math.signum(previousMove)) * body;
            close = add(bars, close, move, random, 0.1);
            previousMove = move;
        }
        return bars;
    }

    private static double add(List<Bar> bars, double open, double move, Random random, double maxShadow) {
        double close = open + move;
        double high = Math.max(open, close) + random.nextDouble() * maxShadow;
        double low = Math.min(open, close) - random.nextDouble() * maxShadow;
        bars.add(new Bar(SeriesBuilder.START.plus(Duration.ofMinutes(bars.size())), open, high, low, close, 1000));
        return close;
    }
}
