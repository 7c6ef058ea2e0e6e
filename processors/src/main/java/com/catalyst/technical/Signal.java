package com.catalyst.technical;

/** What the signal score suggests for a symbol. */
public enum Signal {
    BUY, HOLD, SELL
}
