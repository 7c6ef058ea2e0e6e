package com.catalyst.trading;

/**
 * The broker could not be reached or kept failing (timeouts, HTTP 5xx, rate limited) after the adapter's retries. For
 * an order, whether it reached the broker is unknown: the record keeps it unsettled and reconciliation looks it up.
 */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
