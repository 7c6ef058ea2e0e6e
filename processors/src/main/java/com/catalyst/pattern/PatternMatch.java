package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One detected pattern.
 *
 * @param type        which pattern
 * @param direction   the move the pattern predicts
 * @param confidence  geometric fit in [0, 1] (each detector documents its formula)
 * @param firstIndex  index, in the list given to the detector, of the first bar that forms the pattern
 * @param lastIndex   index of the bar that completed it (always the last bar of the window)
 * @param firstTime   {@code time} of the first forming bar
 * @param lastTime    {@code time} of the completing bar
 * @param levels      key prices: resistance, support, neckline, entry, stop, target, swing points...
 * @param keyBars     indices of the defining bars (swing points, candles), ascending
 */
public record PatternMatch(PatternType type, Direction direction, double confidence,
                           int firstIndex, int lastIndex, Instant firstTime, Instant lastTime,
                           Map<PriceLevel, Double> levels, List<Integer> keyBars) {

    public PatternMatch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        // a confidence outside [0, 1] is a detector bug, not something to clamp silently
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        if (firstIndex < 0 || firstIndex > lastIndex) {
            throw new IllegalArgumentException("bad bar span " + firstIndex + ".." + lastIndex);
        }
        levels = levels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(levels));
        keyBars = List.copyOf(keyBars);
    }

    /** Builds a match whose times are read from {@code bars} at the two indices. */
    static PatternMatch spanning(PatternType type, Direction direction, double confidence, List<Bar> bars,
                                 int firstIndex, int lastIndex, Map<PriceLevel, Double> levels, List<Integer> keyBars) {
        return new PatternMatch(type, direction, confidence, firstIndex, lastIndex,
                bars.get(firstIndex).time(), bars.get(lastIndex).time(), levels, keyBars);
    }

    /** The level, or NaN when this pattern does not report it. */
    public double level(PriceLevel name) {
        return levels.getOrDefault(name, Double.NaN);
    }
}
