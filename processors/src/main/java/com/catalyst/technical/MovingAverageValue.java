package com.catalyst.technical;

/** One moving average in a snapshot: its period and its value (NaN while warming up). */
public record MovingAverageValue(int period, double value) {
}
