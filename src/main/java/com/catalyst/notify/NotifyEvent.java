package com.catalyst.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing the trader should hear about, as every channel receives it: {@code event} (a fixed name such as
 * {@code entry_filled}, see docs/notifications.md), when it happened, the symbol when there is one, and the details.
 */
public record NotifyEvent(String event, Instant time, String symbol, Map<String, Object> details) {

    public NotifyEvent {
        // a detail without a value is left out (a REST risk check has no cycle_id): Map.copyOf would throw in the caller
        Map<String, Object> present = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                if (v != null) {
                    present.put(k, v);
                }
            });
        }
        details = java.util.Collections.unmodifiableMap(present);
    }

    public static NotifyEvent of(String event, String symbol, Map<String, Object> details) {
        return new NotifyEvent(event, Instant.now(), symbol, details);
    }

    /** The same event with more details (the P&L a fill's position realized, found off the cycle's path). */
    public NotifyEvent with(String event, Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.putAll(more);
        return new NotifyEvent(event, time, symbol, all);
    }

    /** One line a person reads in a chat or a subject: the event, the symbol, then the details in their order. */
    public String text() {
        StringBuilder line = new StringBuilder("Catalyst: ").append(event.replace('_', ' '));
        if (symbol != null) {
            line.append(' ').append(symbol);
        }
        new java.util.TreeMap<>(details).forEach((k, v) -> line.append(", ").append(k).append(' ').append(v));
        return line.append(" (").append(time).append(')').toString();
    }
}
