package com.catalyst.pattern;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Morning star ({@link PatternType#MORNING_STAR}, bullish) and evening star
 * ({@link PatternType#EVENING_STAR}, bearish) on the last three bars.
 *
 * <p>Morning star rules (the evening star is the mirror image):
 * <ol>
 *   <li>a long black candle: body at least {@value #MIN_FIRST_BODY_TO_RANGE} of its range and at least
 *       {@value #MIN_FIRST_BODY} typical range;</li>
 *   <li>the star: body at most {@value #MAX_STAR_BODY} of the first body, its top no higher than the
 *       first close plus {@value #STAR_OVERLAP} of the first body (a real gap is rare in liquid
 *       stocks, so a small overlap is allowed);</li>
 *   <li>a white candle closing above the midpoint of the first body;</li>
 * </ol>
 * and {@link PriorTrend} holds before the first candle. Levels: ENTRY (last close), STOP (the three
 * bars' lowest low). Confidence = mean of closeness(star body / first body, {@value #MAX_STAR_BODY}),
 * recovery ramp((last close - first close) / first body, 0.5, 1), first candle's
 * ramp(body / range, {@value #MIN_FIRST_BODY_TO_RANGE}, 0.9) and the prior trend score.
 */
public final class StarDetector extends MirroredPatternDetector {

    static final double MIN_FIRST_BODY_TO_RANGE = 0.6;
    static final double MIN_FIRST_BODY = 1.0;
    static final double MAX_STAR_BODY = 0.3;
    static final double STAR_OVERLAP = 0.1;

    @Override
    int minimumBars() {
        return PriorTrend.BARS + 4;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int third = s.size() - 1;
        int star = third - 1;
        int first = third - 2;
        double firstBody = s.body(first);
        boolean longBlack = s.falling(first) && firstBody >= MIN_FIRST_BODY * typical
                && firstBody >= MIN_FIRST_BODY_TO_RANGE * s.range(first);
        boolean smallStarBelow = s.body(star) <= MAX_STAR_BODY * firstBody
                && Math.max(s.open(star), s.close(star)) <= s.close(first) + STAR_OVERLAP * firstBody;
        // how much of the first candle's fall the third candle wins back
        double recovery = (s.close(third) - s.close(first)) / firstBody;
        boolean whiteRecovery = s.rising(third) && recovery >= 0.5;
        if (!longBlack || !smallStarBelow || !whiteRecovery || !PriorTrend.isDeclineInto(s, first, typical)) {
            return Optional.empty();
        }
        double confidence = FitScore.mean(
                FitScore.closeness(s.body(star) / firstBody, MAX_STAR_BODY),
                FitScore.ramp(recovery, 0.5, 1.0),
                FitScore.ramp(firstBody / s.range(first), MIN_FIRST_BODY_TO_RANGE, 0.9),
                PriorTrend.score(s, first, typical));
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(PriceLevel.ENTRY, s.price(s.close(third)));
        levels.put(PriceLevel.STOP, s.price(s.lowestBottom(first, third)));
        PatternType type = s.bullish() ? PatternType.MORNING_STAR : PatternType.EVENING_STAR;
        return Optional.of(PatternMatch.spanning(type, s.direction(), confidence, s.bars(), first, third, levels,
                List.of(first, star, third)));
    }
}
