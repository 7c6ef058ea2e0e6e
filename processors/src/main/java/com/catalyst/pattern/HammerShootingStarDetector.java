package com.catalyst.pattern;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hammer ({@link PatternType#HAMMER}, bullish) and shooting star ({@link PatternType#SHOOTING_STAR},
 * bearish) on the last bar.
 *
 * <p>Hammer rules (the shooting star is the mirror image): range at least {@value #MIN_RANGE} typical
 * range; lower shadow at least {@value #MIN_SHADOW_TO_BODY} times the body; upper shadow at most
 * {@value #MAX_OTHER_SHADOW} of the range; its low is the lowest of the last {@value PriorTrend#BARS} + 1
 * bars; {@link PriorTrend} holds (the same shape after a rise is a hanging man, not reported).
 * Levels: ENTRY (close), STOP (the low), RESISTANCE/SUPPORT (the high of a hammer, the low of a star).
 * Confidence = mean of ramp(lower shadow / range, 0.55, 0.8), closeness(upper shadow / range,
 * {@value #MAX_OTHER_SHADOW}) and the prior trend score.
 */
public final class HammerShootingStarDetector extends MirroredPatternDetector {

    static final double MIN_RANGE = 1.0;
    static final double MIN_SHADOW_TO_BODY = 2.0;
    static final double MAX_OTHER_SHADOW = 0.15;

    @Override
    int minimumBars() {
        return PriorTrend.BARS + 2;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        double range = s.range(last);
        boolean shaped = range >= MIN_RANGE * typical
                && s.lowerShadow(last) >= MIN_SHADOW_TO_BODY * s.body(last)
                && s.upperShadow(last) <= MAX_OTHER_SHADOW * range;
        // the long shadow must probe below the recent lows, at the end of the decline
        boolean atTheLow = s.bottom(last) <= s.lowestBottom(last - PriorTrend.BARS, last - 1);
        if (!shaped || !atTheLow || !PriorTrend.isDeclineInto(s, last, typical)) {
            return Optional.empty();
        }
        double confidence = FitScore.mean(
                FitScore.ramp(s.lowerShadow(last) / range, 0.55, 0.8),
                FitScore.closeness(s.upperShadow(last) / range, MAX_OTHER_SHADOW),
                PriorTrend.score(s, last, typical));
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(PriceLevel.ENTRY, s.price(s.close(last)));
        levels.put(PriceLevel.STOP, s.price(s.bottom(last)));
        levels.put(s.ceilingLevel(), s.price(s.top(last)));
        PatternType type = s.bullish() ? PatternType.HAMMER : PatternType.SHOOTING_STAR;
        return Optional.of(PatternMatch.spanning(type, s.direction(), confidence, s.bars(), last, last, levels,
                List.of(last)));
    }
}
