package com.catalyst.trading;

/**
 * The broker answered something that is not its documented JSON (an HTML error page, a fractional quantity, an
 * unknown status). Nothing is guessed from it: an order it concerns stays unsettled until reconciliation reads it.
 */
public class UnreadableBrokerAnswerException extends IllegalStateException {

    public UnreadableBrokerAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
