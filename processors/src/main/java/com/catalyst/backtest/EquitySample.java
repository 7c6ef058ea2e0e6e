package com.catalyst.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** The account at a session's close: the broker's equity (cash and positions at the last price), its cash, and the drawdown below the best equity so far. */
public record EquitySample(int pointNo, Instant at, BigDecimal equity, BigDecimal cash, BigDecimal drawdown) {
}
