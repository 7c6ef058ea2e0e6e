package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded Gaussian random-walk bars: the "noise" the chart-pattern detectors must (almost) never fire on.
 * Close steps N(0, 0.10), open = previous close + N(0, 0.02), shadows |N(0, 0.06)|, volume 1000 * e^N(0, 0.4).
 */
final class RandomWalk {

    private RandomWalk() {
    }

    static List<Bar> bars(long seed, int count) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        double close = 100.0;
        for (int i = 0; i < count; i++) {
            double open = close + random.nextGaussian() * 0.02;
            close = open + random.nextGaussian() * 0.10;
            double high = Math.max(open, close) + Math.abs(random.nextGaussian() * 0.06);
            double low = Math.min(open, close) - Math.abs(random.nextGaussian() * 0.06);
            long volume = Math.round(1000 * Math.exp(random.nextGaussian() * 0.4));
            bars.add(new Bar(SeriesBuilder.START.plus(Duration.ofMinutes(i)), open, high, low, close, volume));
        }
        return bars;
    }
}
