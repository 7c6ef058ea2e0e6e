package com.catalyst.pattern;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bullish engulfing ({@link PatternType#BULLISH_ENGULFING}) and bearish engulfing
 * ({@link PatternType#BEARISH_ENGULFING}) on the last two bars.
 *
 * <p>Bullish rules (bearish is the mirror image): the previous bar is black (close &lt; open); the last
 * bar is white, opens at or below the previous close, closes at or above the previous open, and its
 * body is strictly larger; the last body is at least {@value #MIN_BODY} typical range; and
 * {@link PriorTrend} holds (a decline before the black bar). Levels: ENTRY (last close), STOP (the
 * pair's lowest low). Confidence = mean of ramp(body ratio, 1, 2), last body / last range and the prior
 * trend score.
 */
public final class EngulfingDetector extends MirroredPatternDetector {

    static final double MIN_BODY = 0.5;

    @Override
    int minimumBars() {
        return PriorTrend.BARS + 3;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        int previous = last - 1;
        boolean engulfs = s.falling(previous) && s.rising(last)
                && s.open(last) <= s.close(previous) && s.close(last) >= s.open(previous)
                && s.body(last) > s.body(previous);
        // a tiny pair engulfing itself is noise, hence the minimum body
        if (!engulfs || s.body(last) < MIN_BODY * typical || !PriorTrend.isDeclineInto(s, previous, typical)) {
            return Optional.empty();
        }
        double confidence = FitScore.mean(
                FitScore.ramp(s.body(last) / s.body(previous), 1.0, 2.0),
                s.body(last) / s.range(last),
                PriorTrend.score(s, previous, typical));
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(PriceLevel.ENTRY, s.price(s.close(last)));
        levels.put(PriceLevel.STOP, s.price(s.lowestBottom(previous, last)));
        PatternType type = s.bullish() ? PatternType.BULLISH_ENGULFING : PatternType.BEARISH_ENGULFING;
        return Optional.of(PatternMatch.spanning(type, s.direction(), confidence, s.bars(), previous, last, levels,
                List.of(previous, last)));
    }
}
