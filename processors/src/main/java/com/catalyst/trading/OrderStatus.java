package com.catalyst.trading;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An order's life, in Alpaca's vocabulary plus our own two: {@code pending_submit} (recorded, not yet answered by the
 * broker) and {@code unknown} (sent, answer lost: settled by looking the client order id up). The transition table
 * refuses what a broker never does, such as a filled order turning new again.
 */
public enum OrderStatus {
    PENDING_SUBMIT, UNKNOWN, NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    private static final Set<OrderStatus> TERMINAL = EnumSet.of(FILLED, CANCELED, REJECTED, EXPIRED);
    private static final java.util.Map<String, OrderStatus> BY_ID = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(OrderStatus::id, status -> status));
    private static final Set<OrderStatus> OPEN = EnumSet.of(NEW, ACCEPTED, PARTIALLY_FILLED);

    // from each status, where it may go; staying put is always allowed (a repeated answer changes nothing)
    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PENDING_SUBMIT, EnumSet.of(UNKNOWN, NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED),
            UNKNOWN, EnumSet.of(NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED),
            NEW, EnumSet.of(ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED),
            ACCEPTED, EnumSet.of(NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED),
            PARTIALLY_FILLED, EnumSet.of(FILLED, CANCELED, EXPIRED),
            FILLED, EnumSet.noneOf(OrderStatus.class),
            CANCELED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            EXPIRED, EnumSet.noneOf(OrderStatus.class));

    /** The status as stored and as Alpaca writes it: lower case with underscores. Alpaca's rarer ones map to ours. */
    public static OrderStatus of(String value) {
        // the common case, a status as stored: no normalizing (the order sync and a backtest ask for every order each cycle)
        OrderStatus exact = value == null ? null : BY_ID.get(value);
        if (exact != null) {
            return exact;
        }
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "pending_new", "accepted_for_bidding", "held", "calculated", "pending_replace", "pending_cancel", "replaced",
                 "done_for_day", "suspended", "stopped" -> v.equals("pending_new") ? NEW : ACCEPTED;
            default -> {
                try {
                    yield valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown order status '" + value + "'");
                }
            }
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return TERMINAL.contains(this);
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public boolean canBecome(OrderStatus next) {
        return next == this || NEXT.get(this).contains(next);
    }

    /** The checked step from this status to {@code next}; an illegal one throws and nothing is recorded. */
    public OrderStatus to(OrderStatus next, String clientOrderId) {
        if (!canBecome(next)) {
            throw new IllegalOrderTransitionException(clientOrderId, this, next);
        }
        return next;
    }

    /** A status change no broker makes: the record and the broker disagree, and a human should look. */
    public static final class IllegalOrderTransitionException extends IllegalStateException {
        public IllegalOrderTransitionException(String clientOrderId, OrderStatus from, OrderStatus to) {
            super("order " + clientOrderId + " cannot go from " + from.id() + " to " + to.id());
        }
    }
}
