package com.catalyst.gateway.tools;

import java.util.Map;

/**
 * A tool ran and could not do what was asked (a rejected trade, no cycle to attach an order to, a feature not available
 * yet). It becomes a result with {@code isError: true}; {@code details} are shown to the model beside the message.
 */
public class ToolFailure extends RuntimeException {

    private final transient Map<String, Object> details;

    public ToolFailure(String message) {
        this(message, Map.of());
    }

    public ToolFailure(String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.details = details;
    }

    public Map<String, Object> details() {
        return details;
    }
}
