package com.catalyst.adapters.alpaca;

/**
 * An Alpaca stream could not start, or must not go on: the keys were refused, the URL does not answer, another process
 * holds the account's stream. The message names the setting to check; {@link #code()} is Alpaca's error code, or 0.
 */
public final class AlpacaStreamException extends IllegalStateException {

    private final int code;

    public AlpacaStreamException(int code, String message) {
        super(message);
        this.code = code;
    }

    public AlpacaStreamException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    public int code() {
        return code;
    }
}
