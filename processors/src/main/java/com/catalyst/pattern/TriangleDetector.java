package com.catalyst.pattern;


import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ascending triangle ({@link PatternType#ASCENDING_TRIANGLE}: flat resistance, rising lows, reported
 * on the break up) and descending triangle ({@link PatternType#DESCENDING_TRIANGLE}: flat support,
 * falling highs, reported on the break down).
 *
 * <p>Ascending rules: take the swings ({@link ZigZag}, reversal {@value #SWING_REVERSAL} typical ranges)
 * of the bars before the last; the last confirmed swing must be a low. The last m = 4, 3 or 2
 * high-then-low swing pairs H1 L1 .. Hm Lm form the triangle when
 * <ul>
 *   <li>height = max(H) - L1 is at least {@value #MIN_HEIGHT} typical ranges;</li>
 *   <li>flat top: max(H) - min(H) is at most {@value #FLAT_TOLERANCE} of the height;</li>
 *   <li>rising lows: each L exceeds the one before by at least {@value #MIN_LOW_STEP} of the height;</li>
 *   <li>no close above max(H) since H1, and the last bar closes above it.</li>
 * </ul>
 * The most pairs that fit win. Levels: RESISTANCE (max H) and SUPPORT (the line through L1 and Lm,
 * extended to the last bar), ENTRY (resistance), STOP (Lm), TARGET (resistance + height).
 * Confidence = mean of flatness 1 - spread/(tolerance), convergence ramp(1 - (max H - Lm)/height,
 * 0.2, 0.6) and touches ramp(2m, 3, 6).
 */
public final class TriangleDetector extends MirroredPatternDetector {

    static final double SWING_REVERSAL = 2.0;
    static final double MIN_HEIGHT = 4.0;
    static final double FLAT_TOLERANCE = 0.15;
    static final double MIN_LOW_STEP = 0.1;
    static final int MAX_PAIRS = 4;

    @Override
    int minimumBars() {
        return 10;
    }

    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        // swings of the bars before the break, so the breakout bar cannot become one of the highs
        List<Swing> confirmed = ZigZag.swings(s, 0, last - 1, SWING_REVERSAL * typical).stream()
                .filter(Swing::confirmed).toList();
        if (confirmed.size() < 4 || confirmed.get(confirmed.size() - 1).top()) {
            return Optional.empty();
        }
        int available = Math.min(MAX_PAIRS, confirmed.size() / 2);
        // more touches make a better-established triangle, so try the longest first
        for (int pairs = available; pairs >= 2; pairs--) {
            PatternMatch match = withPairs(confirmed.subList(confirmed.size() - 2 * pairs, confirmed.size()), s, typical);
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    /** {@code swings} alternate high, low, high, low... ending on a low. */
    private PatternMatch withPairs(List<Swing> swings, OrientedSeries s, double typical) {
        int last = s.size() - 1;
        double maxHigh = Double.NEGATIVE_INFINITY;
        double minHigh = Double.POSITIVE_INFINITY;
        for (int i = 0; i < swings.size(); i += 2) {
            maxHigh = Math.max(maxHigh, swings.get(i).price());
            minHigh = Math.min(minHigh, swings.get(i).price());
        }
        Swing firstLow = swings.get(1);
        Swing lastLow = swings.get(swings.size() - 1);
        double height = maxHigh - firstLow.price();
        if (height < MIN_HEIGHT * typical || maxHigh - minHigh > FLAT_TOLERANCE * height) {
            return null;
        }
        // each low must clearly rise, or it is a rectangle rather than a triangle
        for (int i = 3; i < swings.size(); i += 2) {
            if (swings.get(i).price() - swings.get(i - 2).price() < MIN_LOW_STEP * height) {
                return null;
            }
        }
        // the break must be the first close through the flat side
        int first = swings.get(0).index();
        if (s.highestClose(first, last - 1) > maxHigh || s.close(last) <= maxHigh) {
            return null;
        }
        int pairs = swings.size() / 2;
        double remaining = maxHigh - lastLow.price();
        double confidence = FitScore.mean(
                FitScore.closeness(maxHigh - minHigh, FLAT_TOLERANCE * height),
                FitScore.ramp(1.0 - remaining / height, 0.2, 0.6),
                FitScore.ramp(2.0 * pairs, 3, 6));
        double lowSlope = (lastLow.price() - firstLow.price()) / (lastLow.index() - firstLow.index());
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(s.ceilingLevel(), s.price(maxHigh));
        levels.put(s.floorLevel(), s.price(lastLow.price() + lowSlope * (last - lastLow.index())));
        levels.put(PriceLevel.ENTRY, s.price(maxHigh));
        levels.put(PriceLevel.STOP, s.price(lastLow.price()));
        levels.put(PriceLevel.TARGET, s.price(maxHigh + height));
        List<Integer> keyBars = new ArrayList<>();
        swings.forEach(swing -> keyBars.add(swing.index()));
        keyBars.add(last);
        PatternType type = s.bullish() ? PatternType.ASCENDING_TRIANGLE : PatternType.DESCENDING_TRIANGLE;
        return PatternMatch.spanning(type, s.direction(), confidence, s.bars(), first, last, levels, keyBars);
    }
}
