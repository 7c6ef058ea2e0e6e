package com.catalyst.pattern;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bull flag ({@link PatternType#BULL_FLAG}) and bear flag ({@link PatternType#BEAR_FLAG}), reported
 * when the flag breaks in the pole's direction. Bull flag rules (the bear flag is the mirror image):
 * <ul>
 *   <li>pole: {@value #MIN_POLE_BARS}–{@value #MAX_POLE_BARS} bars from its lowest low to its highest
 *       high, rising at least {@value #MIN_POLE_HEIGHT} typical ranges and at least
 *       {@value #MIN_POLE_SLOPE} typical ranges per bar;</li>
 *   <li>flag: the {@value #MIN_FLAG_BARS}–{@value #MAX_FLAG_BARS} bars after the pole top, none above
 *       it, retracing at most {@value #MAX_RETRACEMENT} of the pole, and drifting against the pole or
 *       sideways: least-squares slope of closes at most {@value #MAX_FLAG_DRIFT} typical ranges per bar
 *       upwards and never steeper than half the pole's slope downwards;</li>
 *   <li>trigger: the last bar is the first to close above the flag's highest high.</li>
 * </ul>
 * Of the flag lengths that fit, the one with the highest confidence is reported.
 *
 * <p>Levels: POLE_START, POLE_END, RESISTANCE/SUPPORT (the flag edge that broke), ENTRY (that edge),
 * STOP (the flag's other edge), TARGET (edge plus the pole height). Confidence = mean of retracement
 * inBand(r, 0, 0.382, 0.118), pole slope ramp(slope / typical, 0.75, 2), pole height ramp(height /
 * typical, 5, 12) and flag/pole duration ramp(flag bars / pole bars, 0.5, 1.5) (a flag that is too
 * short is barely a pause).
 */
public final class FlagDetector extends MirroredPatternDetector {

    static final int MIN_POLE_BARS = 3;
    static final int MAX_POLE_BARS = 15;
    static final int MIN_FLAG_BARS = 3;
    static final int MAX_FLAG_BARS = 20;
    static final double MIN_POLE_HEIGHT = 5.0;
    static final double MIN_POLE_SLOPE = 0.75;
    static final double MAX_RETRACEMENT = 0.5;
    static final double MAX_FLAG_DRIFT = 0.1;

    @Override
    int minimumBars() {
        return MIN_POLE_BARS + MIN_FLAG_BARS + 2;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        // every flag length needs the last close above the flag's highest top, which includes the bar before the last
        if (s.close(last) <= s.top(last - 1)) {
            return Optional.empty();
        }
        PatternMatch best = null;
        for (int flagBars = MIN_FLAG_BARS; flagBars <= MAX_FLAG_BARS; flagBars++) {
            PatternMatch candidate = withFlagOf(flagBars, s, typical);
            if (candidate != null && (best == null || candidate.confidence() > best.confidence())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private PatternMatch withFlagOf(int flagBars, OrientedSeries s, double typical) {
        int last = s.size() - 1;
        int poleEnd = last - 1 - flagBars;
        int flagStart = poleEnd + 1;
        if (poleEnd - MIN_POLE_BARS < 0) {
            return null;
        }
        double poleTop = s.top(poleEnd);
        double flagHigh = s.highestTop(flagStart, last - 1);
        double flagLow = s.lowestBottom(flagStart, last - 1);
        // a flag bar above the pole top means the pole had not ended; the last bar, a flag bar before, must break out
        if (flagHigh >= poleTop || s.close(last) <= flagHigh) {
            return null;
        }
        // the pole starts at its lowest point, so a pause inside the pole does not shorten it
        int poleStart = lowestBottomIndex(s, Math.max(0, poleEnd - MAX_POLE_BARS), poleEnd - 1);
        int poleBars = poleEnd - poleStart;
        double height = poleTop - s.bottom(poleStart);
        double slope = height / poleBars;
        if (poleBars < MIN_POLE_BARS || height < MIN_POLE_HEIGHT * typical || slope < MIN_POLE_SLOPE * typical
                || s.highestTop(poleStart, poleEnd) > poleTop) {
            return null;
        }
        double retracement = (poleTop - flagLow) / height;
        // a flag rising with the pole is a continuation of the pole; falling faster than half its slope is a reversal
        double drift = closeSlope(s, flagStart, last - 1);
        if (retracement > MAX_RETRACEMENT || drift > MAX_FLAG_DRIFT * typical || drift < -slope / 2) {
            return null;
        }
        double confidence = FitScore.mean(
                FitScore.inBand(retracement, 0.0, 0.382, MAX_RETRACEMENT - 0.382),
                FitScore.ramp(slope / typical, MIN_POLE_SLOPE, 2.0),
                FitScore.ramp(height / typical, MIN_POLE_HEIGHT, 12.0),
                FitScore.ramp((double) flagBars / poleBars, 0.5, 1.5));
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(PriceLevel.POLE_START, s.price(s.bottom(poleStart)));
        levels.put(PriceLevel.POLE_END, s.price(poleTop));
        levels.put(s.ceilingLevel(), s.price(flagHigh));
        levels.put(PriceLevel.ENTRY, s.price(flagHigh));
        levels.put(PriceLevel.STOP, s.price(flagLow));
        // measured move: the pole's height again from the break
        levels.put(PriceLevel.TARGET, s.price(flagHigh + height));
        PatternType type = s.bullish() ? PatternType.BULL_FLAG : PatternType.BEAR_FLAG;
        return PatternMatch.spanning(type, s.direction(), confidence, s.bars(), poleStart, last, levels,
                List.of(poleStart, poleEnd, flagStart, last));
    }

    private static int lowestBottomIndex(OrientedSeries s, int from, int to) {
        int lowest = from;
        for (int i = from + 1; i <= to; i++) {
            if (s.bottom(i) < s.bottom(lowest)) {
                lowest = i;
            }
        }
        return lowest;
    }

    /** Least-squares slope of closes per bar: the flag's drift. */
    private static double closeSlope(OrientedSeries s, int from, int to) {
        int n = to - from + 1;
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (int i = from; i <= to; i++) {
            meanY += s.close(i) / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = from; i <= to; i++) {
            double x = i - from - meanX;
            covariance += x * (s.close(i) - meanY);
            variance += x * x;
        }
        return covariance / variance;
    }
}
