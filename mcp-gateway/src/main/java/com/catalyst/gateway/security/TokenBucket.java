package com.catalyst.gateway.security;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} requests at once, refilled continuously at {@code perMinute}. The same model as
 * nginx's {@code limit_req rate=100r/m burst=20}, so the gateway and the proxy in front of it agree on what a client may do.
 */
public final class TokenBucket {

    private static final double NANOS_PER_MINUTE = 60e9;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    public TokenBucket(int perMinute, int capacity, LongSupplier nanoClock) {
        if (perMinute < 1 || capacity < 1) {
            throw new IllegalArgumentException("catalyst.gateway.rate-limit: requests-per-minute and burst must be at least 1");
        }
        this.capacity = capacity;
        this.tokensPerNano = perMinute / NANOS_PER_MINUTE;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** Takes one token; returns 0 when granted, otherwise the whole seconds until one is due (at least 1). */
    public synchronized long tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        double nanosToNext = (1 - tokens) / tokensPerNano;
        return Math.max(1, (long) Math.ceil(nanosToNext / 1e9));
    }

    /** Last time the bucket was touched, so that idle buckets can be dropped. */
    synchronized long lastUsedNanos() {
        return lastRefill;
    }
}
