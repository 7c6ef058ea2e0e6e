package com.catalyst.pattern;


import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Breakout above resistance ({@link PatternType#BREAKOUT}) and breakdown below support
 * ({@link PatternType#BREAKDOWN}).
 *
 * <p>Level rule: resistance is the highest high of the {@value #LOOKBACK} bars before the last bar,
 * and it counts as a level only if it was tested at least {@value #MIN_TOUCHES} times: bars whose
 * high came within {@value #TOUCH_TOLERANCE} typical ranges of it, at least {@value #MIN_TOUCH_SPACING}
 * bars apart. It fires on the first close beyond the level by at least {@value #MIN_PENETRATION}
 * typical ranges, on at least {@value #MIN_VOLUME_RATIO}x the window's mean volume (volume is not
 * checked when the feed has none). Support and breakdown are the mirror image.
 *
 * <p>Levels: RESISTANCE or SUPPORT (the broken level), ENTRY (the breakout close), STOP (one typical
 * range back inside the level), TARGET (level plus the window's height, the measured move).
 * Confidence = mean of touches ramp(touches, 1, 4), penetration ramp(close beyond / typical, 0.25, 1.5),
 * volume ramp(ratio, 1.5, 3) and where the bar closed in its own range (1 at its extreme).
 */
public final class BreakoutDetector extends MirroredPatternDetector {

    static final int LOOKBACK = 30;
    static final int MIN_TOUCHES = 2;
    static final int MIN_TOUCH_SPACING = 3;
    static final double TOUCH_TOLERANCE = 0.25;
    static final double MIN_PENETRATION = 0.25;
    static final double MIN_VOLUME_RATIO = 1.5;

    @Override
    int minimumBars() {
        return LOOKBACK + 1;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        int from = last - LOOKBACK;
        double level = s.highestTop(from, last - 1);
        // only the first close through the level is a breakout; later ones are follow-through
        if (s.close(last - 1) > level) {
            return Optional.empty();
        }
        double penetration = s.close(last) - level;
        if (penetration < MIN_PENETRATION * typical) {
            return Optional.empty();
        }
        // adjacent bars at the top are one test of the level, not several
        List<Integer> touches = new ArrayList<>();
        for (int i = from; i < last; i++) {
            boolean tested = s.top(i) >= level - TOUCH_TOLERANCE * typical;
            if (tested && (touches.isEmpty() || i - touches.get(touches.size() - 1) >= MIN_TOUCH_SPACING)) {
                touches.add(i);
            }
        }
        if (touches.size() < MIN_TOUCHES) {
            return Optional.empty();
        }
        // a break on ordinary volume is the classic false breakout
        double volumeRatio = volumeRatio(s, from, last);
        if (!Double.isNaN(volumeRatio) && volumeRatio < MIN_VOLUME_RATIO) {
            return Optional.empty();
        }
        double floor = s.lowestBottom(from, last - 1);
        double closeLocation = s.range(last) > 0 ? (s.close(last) - s.bottom(last)) / s.range(last) : 0.0;
        double confidence = FitScore.mean(
                FitScore.ramp(touches.size(), 1, 4),
                FitScore.ramp(penetration / typical, MIN_PENETRATION, 1.5),
                Double.isNaN(volumeRatio) ? 0.0 : FitScore.ramp(volumeRatio, MIN_VOLUME_RATIO, 3.0),
                closeLocation);
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(s.ceilingLevel(), s.price(level));
        levels.put(PriceLevel.ENTRY, s.price(s.close(last)));
        // back inside the range by a typical bar means the break failed
        levels.put(PriceLevel.STOP, s.price(level - typical));
        levels.put(PriceLevel.TARGET, s.price(level + (level - floor)));
        List<Integer> keyBars = new ArrayList<>(touches);
        keyBars.add(last);
        PatternType type = s.bullish() ? PatternType.BREAKOUT : PatternType.BREAKDOWN;
        return Optional.of(PatternMatch.spanning(type, s.direction(), confidence, s.bars(),
                touches.get(0), last, levels, keyBars));
    }

    /** Last bar's volume over the window's mean, or NaN when the window has no volume at all. */
    private static double volumeRatio(OrientedSeries s, int from, int last) {
        double total = 0;
        for (int i = from; i < last; i++) {
            total += s.volume(i);
        }
        double mean = total / (last - from);
        return mean > 0 ? s.volume(last) / mean : Double.NaN;
    }
}
