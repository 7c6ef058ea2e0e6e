package com.catalyst.pattern;

/** Every pattern the scanner knows; a match's {@link Direction} is implied by most of them. */
public enum PatternType {
    BREAKOUT,
    BREAKDOWN,
    BULL_FLAG,
    BEAR_FLAG,
    ASCENDING_TRIANGLE,
    DESCENDING_TRIANGLE,
    /** Harmonic AB=CD; the match's direction says bullish (D is a low) or bearish (D is a high). */
    ABCD,
    DOUBLE_TOP,
    DOUBLE_BOTTOM,
    BULLISH_ENGULFING,
    BEARISH_ENGULFING,
    HAMMER,
    SHOOTING_STAR,
    DOJI,
    MORNING_STAR,
    EVENING_STAR
}
