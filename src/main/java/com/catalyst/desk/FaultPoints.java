package com.catalyst.desk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Test only: the steps of the order path where OrderFaultIT kills the process. Inactive unless
 * {@code catalyst.fault.pause-at} names a step; then the first order of a cycle (not a reconciliation re-run) that
 * reaches it, of the side {@code catalyst.fault.pause-side} names if it names one ({@code buy} or {@code sell}), logs
 * {@code FAULT-POINT <step> <client order id> <side>} and sleeps, so that the test can kill -9 it right there.
 */
@Component("faultPoints")
public class FaultPoints {

    /** In the order they are passed: intent recorded; broker answered; order row updated; fill and position written. */
    public static final List<String> STEPS = List.of("before-send", "sent", "order-updated", "position-written");

    private static final Logger LOG = LoggerFactory.getLogger(FaultPoints.class);

    private final boolean active;
    private final String pauseAt;
    private final String pauseSide;
    private final Duration pauseFor;
    private final AtomicBoolean paused = new AtomicBoolean();

    public FaultPoints(@Value("${catalyst.fault.pause-at:}") String pauseAt, @Value("${catalyst.fault.pause-side:}") String pauseSide,
                       @Value("${catalyst.fault.pause-for:10m}") Duration pauseFor) {
        this.active = pauseAt != null && !pauseAt.isBlank();
        this.pauseAt = active ? pauseAt.trim() : null;
        this.pauseSide = pauseSide == null || pauseSide.isBlank() ? null : pauseSide.trim();
        this.pauseFor = pauseFor;
        if (active && !STEPS.contains(this.pauseAt)) {
            throw new IllegalArgumentException("catalyst.fault.pause-at must be one of " + STEPS + ", got '" + pauseAt + "'");
        }
        if (this.pauseSide != null && !List.of("buy", "sell").contains(this.pauseSide)) {
            throw new IllegalArgumentException("catalyst.fault.pause-side must be buy or sell, got '" + pauseSide + "'");
        }
        if (active) {
            LOG.warn("TEST ONLY: catalyst.fault.pause-at={} — the first {}order of a cycle to reach it will stop for {}", this.pauseAt,
                    this.pauseSide == null ? "" : this.pauseSide + " ", pauseFor);
        }
    }

    /**
     * Called by the order path at {@code step} for an order of {@code side}; {@code cycleId} is null outside a cycle.
     * Leaves the message as it is.
     */
    public void at(String step, String clientOrderId, String side, String cycleId) {
        if (active) {
            pause(step, clientOrderId, side, cycleId);
        }
    }

    /** Whether it paused at {@code step}. */
    boolean pause(String step, String clientOrderId, String side, String cycleId) {
        if (!active) {
            return false;
        }
        if (cycleId == null || !pauseAt.equals(step) || (pauseSide != null && !pauseSide.equals(side)) || !paused.compareAndSet(false, true)) {
            return false;
        }
        LOG.warn("FAULT-POINT {} {} {}", step, clientOrderId, side);
        try {
            Thread.sleep(pauseFor.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
