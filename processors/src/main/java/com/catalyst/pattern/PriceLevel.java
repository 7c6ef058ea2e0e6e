package com.catalyst.pattern;

/** Names of the prices a match reports; each detector documents which ones it fills. */
public enum PriceLevel {
    RESISTANCE,
    SUPPORT,
    NECKLINE,
    ENTRY,
    STOP,
    TARGET,
    POLE_START,
    POLE_END,
    POINT_A,
    POINT_B,
    POINT_C,
    POINT_D
}
