package com.catalyst.pattern;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Double bottom ({@link PatternType#DOUBLE_BOTTOM}, bullish) and double top
 * ({@link PatternType#DOUBLE_TOP}, bearish), reported when price closes through the neckline.
 *
 * <p>Double bottom rules (the double top is the mirror image), on the swings ({@link ZigZag}, reversal
 * {@value #SWING_REVERSAL} typical ranges) of the bars before the last: the last three confirmed swings
 * are low P1, high N (the neckline), low P2, and
 * <ul>
 *   <li>depth = N - min(P1, P2) is at least {@value #MIN_DEPTH} typical ranges;</li>
 *   <li>equal lows: |P1 - P2| at most {@value #EQUALITY_TOLERANCE} of the depth;</li>
 *   <li>P1 and P2 at least {@value #MIN_SEPARATION} bars apart;</li>
 *   <li>a decline led into P1: some high within (P2 - P1) bars before P1 is at or above N;</li>
 *   <li>no close above N since P2, and the last bar closes above it.</li>
 * </ul>
 * Levels: SUPPORT (the lower low; RESISTANCE, the higher high, for a top), NECKLINE, ENTRY (neckline),
 * STOP (the lower low), TARGET (neckline + depth). Confidence = mean of equality
 * 1 - |P1 - P2|/tolerance, depth ramp(depth / typical, 4, 10) and time symmetry
 * 1 - |bars(P1..N) - bars(N..P2)| / bars(P1..P2).
 */
public final class DoubleTopBottomDetector extends MirroredPatternDetector {

    static final double SWING_REVERSAL = 2.5;
    static final double MIN_DEPTH = 4.0;
    static final double EQUALITY_TOLERANCE = 0.1;
    static final int MIN_SEPARATION = 6;

    @Override
    int minimumBars() {
        return 2 * MIN_SEPARATION;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        List<Swing> confirmed = ZigZag.swings(s, 0, last - 1, SWING_REVERSAL * typical).stream()
                .filter(Swing::confirmed).toList();
        int n = confirmed.size();
        if (n < 3 || confirmed.get(n - 1).top()) {
            return Optional.empty();
        }
        // only the latest W counts: an older one would have been reported when its neckline broke
        Swing first = confirmed.get(n - 3);
        Swing neck = confirmed.get(n - 2);
        Swing second = confirmed.get(n - 1);
        double lower = Math.min(first.price(), second.price());
        double depth = neck.price() - lower;
        double mismatch = first.price() - second.price();
        int separation = second.index() - first.index();
        if (depth < MIN_DEPTH * typical || Math.abs(mismatch) > EQUALITY_TOLERANCE * depth
                || separation < MIN_SEPARATION) {
            return Optional.empty();
        }
        // a double bottom ends a decline: price must have come down from at least the neckline
        int leadIn = Math.max(0, first.index() - separation);
        if (first.index() == 0 || s.highestTop(leadIn, first.index() - 1) < neck.price()) {
            return Optional.empty();
        }
        if (s.highestClose(second.index(), last - 1) > neck.price() || s.close(last) <= neck.price()) {
            return Optional.empty();
        }
        double asymmetry = Math.abs((neck.index() - first.index()) - (second.index() - neck.index()));
        double confidence = FitScore.mean(
                FitScore.closeness(mismatch, EQUALITY_TOLERANCE * depth),
                FitScore.ramp(depth / typical, MIN_DEPTH, 10.0),
                1.0 - asymmetry / separation);
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(s.floorLevel(), s.price(lower));
        levels.put(PriceLevel.NECKLINE, s.price(neck.price()));
        levels.put(PriceLevel.ENTRY, s.price(neck.price()));
        levels.put(PriceLevel.STOP, s.price(lower));
        levels.put(PriceLevel.TARGET, s.price(neck.price() + depth));
        PatternType type = s.bullish() ? PatternType.DOUBLE_BOTTOM : PatternType.DOUBLE_TOP;
        return Optional.of(PatternMatch.spanning(type, s.direction(), confidence, s.bars(), first.index(), last,
                levels, List.of(first.index(), neck.index(), second.index(), last)));
    }
}
