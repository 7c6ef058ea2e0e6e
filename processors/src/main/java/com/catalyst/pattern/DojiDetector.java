package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Doji ({@link PatternType#DOJI}, {@link Direction#NEUTRAL}) on the last bar: body at most
 * {@value #MAX_BODY_TO_RANGE} of the range, and range at least {@value #MIN_RANGE} typical range (a
 * one-tick bar with open = close is no news, and in 1-minute data there are many). No trend context:
 * a doji is indecision wherever it appears, and the consumer decides what it means.
 *
 * <p>Levels: RESISTANCE (high), SUPPORT (low). Confidence = mean of closeness(body / range,
 * {@value #MAX_BODY_TO_RANGE}) and ramp(range / typical, {@value #MIN_RANGE}, 1.5).
 */
public final class DojiDetector implements PatternDetector {

    static final double MAX_BODY_TO_RANGE = 0.1;
    static final double MIN_RANGE = 0.5;

    @Override
    public List<PatternMatch> detect(List<Bar> bars) {
        List<PatternMatch> matches = new ArrayList<>();
        double typical = TypicalRange.of(bars);
        if (bars.size() < 2 || typical <= 0) {
            return matches;
        }
        int last = bars.size() - 1;
        Bar bar = bars.get(last);
        double range = bar.high() - bar.low();
        double body = Math.abs(bar.close() - bar.open());
        // range first: it also rules out the zero-range bar that would divide by zero below
        if (range < MIN_RANGE * typical || body > MAX_BODY_TO_RANGE * range) {
            return matches;
        }
        double confidence = FitScore.mean(
                FitScore.closeness(body / range, MAX_BODY_TO_RANGE),
                FitScore.ramp(range / typical, MIN_RANGE, 1.5));
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(PriceLevel.RESISTANCE, bar.high());
        levels.put(PriceLevel.SUPPORT, bar.low());
        matches.add(PatternMatch.spanning(PatternType.DOJI, Direction.NEUTRAL, confidence, bars, last, last, levels,
                List.of(last)));
        return matches;
    }
}
