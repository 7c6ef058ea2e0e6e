package com.catalyst.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.catalyst.market.Bar;

/**
 * A detector written once for the bullish shape: it also runs on the price-negated view, which gives the bearish
 * twin. Subclasses say how many bars they need and look for their shape in one oriented series, with distances in
 * typical ranges.
 */
abstract class MirroredPatternDetector implements PatternDetector {

    @Override
    public final List<PatternMatch> detect(List<Bar> bars) {
        List<PatternMatch> matches = new ArrayList<>();
        if (bars.size() < minimumBars()) {
            return matches;
        }
        double typical = TypicalRange.of(bars);
        if (typical <= 0) {
            return matches;
        }
        detect(new OrientedSeries(bars, Direction.BULLISH), typical).ifPresent(matches::add);
        detect(new OrientedSeries(bars, Direction.BEARISH), typical).ifPresent(matches::add);
        return matches;
    }

    /** Fewer bars than this and the shape cannot be there. */
    abstract int minimumBars();

    /** The shape completed on the last bar of {@code series}, if it is there. */
    abstract Optional<PatternMatch> detect(OrientedSeries series, double typical);
}
