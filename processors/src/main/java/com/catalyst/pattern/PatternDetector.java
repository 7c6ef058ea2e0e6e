package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.util.List;

/**
 * Finds one pattern (or a bullish/bearish pair) that <em>completes on the last bar</em> of the window.
 *
 * <p>Why "at the last bar": the live cycle calls detectors on the latest 100–390 one-minute bars of
 * each candidate every minute; a pattern that completed earlier was already reported when it did,
 * so reporting only completions keeps each pattern to one signal. Bars must be in time order;
 * indices in the returned matches refer to the given list.
 */
public interface PatternDetector {

    /** Matches completing on {@code bars.get(bars.size() - 1)}; empty when none (or too few bars). */
    List<PatternMatch> detect(List<Bar> bars);
}
