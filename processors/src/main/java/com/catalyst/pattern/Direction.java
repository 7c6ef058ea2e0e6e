package com.catalyst.pattern;

/** Which way a pattern points price; doji is the one indecision pattern. */
public enum Direction {
    BULLISH,
    BEARISH,
    NEUTRAL
}
