package com.catalyst.gateway.tools;

/** A tool argument the gateway refused: the message names the argument and what it accepts, for the model to correct. */
public class ToolArgumentException extends RuntimeException {

    public ToolArgumentException(String message) {
        super(message, null, false, false);
    }
}
