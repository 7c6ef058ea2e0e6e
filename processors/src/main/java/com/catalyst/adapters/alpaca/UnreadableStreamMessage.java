package com.catalyst.adapters.alpaca;

/** A stream message that is not JSON, or not in the shape Alpaca documents: counted and skipped, never fatal. */
public final class UnreadableStreamMessage extends RuntimeException {

    public UnreadableStreamMessage(String message) {
        super(message, null, false, false);
    }
}
