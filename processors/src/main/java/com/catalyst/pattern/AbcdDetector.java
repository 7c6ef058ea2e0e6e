package com.catalyst.pattern;


import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Harmonic AB=CD ({@link PatternType#ABCD}), reported on the bar where D first reaches its completion
 * zone. Bullish: A high, B low, C a lower high, D (the last bar's low, the lowest since C) below B;
 * bearish is the mirror image. Swings come from {@link ZigZag} (reversal {@value #SWING_REVERSAL}
 * typical ranges) over the whole window, whose final running extreme must be the last bar.
 *
 * <p>Ratios and tolerances (absolute, on the ratio):
 * <ul>
 *   <li>BC / AB in [0.618, 0.786] ± {@value #RETRACEMENT_TOLERANCE};</li>
 *   <li>CD / BC in [1.272, 1.618] ± {@value #EXTENSION_TOLERANCE};</li>
 *   <li>CD / AB in 1 ± {@value #EQUALITY_TOLERANCE} (the "AB=CD" itself);</li>
 *   <li>AB at least {@value #MIN_LEG} typical ranges; no bar between C and the last reached the zone
 *       (CD / BC &ge; 1.272 - tolerance and CD / AB &ge; 1 - tolerance), so each pattern fires once.</li>
 * </ul>
 * Levels: POINT_A..POINT_D, ENTRY (D), STOP (one typical range beyond the farther of D and the 1.618
 * extension), TARGET (the 0.618 retracement of CD). Confidence = mean of inBand(BC/AB, 0.618, 0.786,
 * tolerance), inBand(CD/BC, 1.272, 1.618, tolerance), closeness(CD/AB - 1, tolerance) and time
 * symmetry 1 - |bars(AB) - bars(CD)| / max(bars(AB), bars(CD)).
 */
public final class AbcdDetector extends MirroredPatternDetector {

    static final double SWING_REVERSAL = 2.0;
    static final double MIN_LEG = 4.0;
    static final double RETRACEMENT_TOLERANCE = 0.03;
    static final double EXTENSION_TOLERANCE = 0.05;
    static final double EQUALITY_TOLERANCE = 0.1;

    @Override
    int minimumBars() {
        return 8;
    }

    // in the view the pattern is: A top, B bottom, C top, D bottom on the last bar
    @Override
    Optional<PatternMatch> detect(OrientedSeries s, double typical) {
        int last = s.size() - 1;
        // the last bar is included: D is the running extreme, not yet a confirmed swing
        List<Swing> swings = ZigZag.swings(s, 0, last, SWING_REVERSAL * typical);
        int n = swings.size();
        if (n < 4) {
            return Optional.empty();
        }
        Swing d = swings.get(n - 1);
        if (d.top() || d.index() != last) {
            return Optional.empty();
        }
        Swing c = swings.get(n - 2);
        Swing b = swings.get(n - 3);
        Swing a = swings.get(n - 4);
        double ab = a.price() - b.price();
        double bc = c.price() - b.price();
        double cd = c.price() - d.price();
        double retracement = bc / ab;
        double extension = cd / bc;
        double equality = cd / ab;
        if (ab < MIN_LEG * typical
                || FitScore.inBand(retracement, 0.618, 0.786, RETRACEMENT_TOLERANCE) <= 0
                || FitScore.inBand(extension, 1.272, 1.618, EXTENSION_TOLERANCE) <= 0
                || Math.abs(equality - 1.0) >= EQUALITY_TOLERANCE) {
            return Optional.empty();
        }
        // the zone starts where both the extension and the equality are first met
        double zoneEntry = c.price() - Math.max((1.272 - EXTENSION_TOLERANCE) * bc, (1.0 - EQUALITY_TOLERANCE) * ab);
        if (last - 1 > c.index() && s.lowestBottom(c.index() + 1, last - 1) <= zoneEntry) {
            return Optional.empty();
        }
        int abBars = b.index() - a.index();
        int cdBars = d.index() - c.index();
        double confidence = FitScore.mean(
                FitScore.inBand(retracement, 0.618, 0.786, RETRACEMENT_TOLERANCE),
                FitScore.inBand(extension, 1.272, 1.618, EXTENSION_TOLERANCE),
                FitScore.closeness(equality - 1.0, EQUALITY_TOLERANCE),
                1.0 - (double) Math.abs(abBars - cdBars) / Math.max(abBars, cdBars));
        Map<PriceLevel, Double> levels = new EnumMap<>(PriceLevel.class);
        levels.put(PriceLevel.POINT_A, s.price(a.price()));
        levels.put(PriceLevel.POINT_B, s.price(b.price()));
        levels.put(PriceLevel.POINT_C, s.price(c.price()));
        levels.put(PriceLevel.POINT_D, s.price(d.price()));
        levels.put(PriceLevel.ENTRY, s.price(d.price()));
        // past the 1.618 extension the harmonic structure is broken
        levels.put(PriceLevel.STOP, s.price(Math.min(d.price(), c.price() - 1.618 * bc) - typical));
        levels.put(PriceLevel.TARGET, s.price(d.price() + 0.618 * cd));
        return Optional.of(PatternMatch.spanning(PatternType.ABCD, s.direction(), confidence, s.bars(),
                a.index(), last, levels, List.of(a.index(), b.index(), c.index(), d.index())));
    }
}
