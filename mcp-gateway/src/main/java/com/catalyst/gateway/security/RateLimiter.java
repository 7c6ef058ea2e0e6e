package com.catalyst.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per client identity (a digest of the API key, or the remote address when the gateway runs
 * open). Buckets idle longer than it takes to refill are dropped, so random identities cannot grow the map for ever.
 */
public final class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private volatile int perMinute;
    private volatile int burst;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.burst = burst;
        this.nanoClock = nanoClock;
        new TokenBucket(perMinute, burst, nanoClock); // fails fast on a bad setting
    }

    /** 0 when the request may go on, otherwise the Retry-After seconds. */
    public long acquire(String identity) {
        if (buckets.size() > SWEEP_ABOVE) {
            sweep();
        }
        return buckets.computeIfAbsent(identity, id -> new TokenBucket(perMinute, burst, nanoClock)).tryAcquire();
    }

    /** New limits for every identity, starting with full buckets (operators raising a limit; tests switching phases). */
    public void limits(int newPerMinute, int newBurst) {
        new TokenBucket(newPerMinute, newBurst, nanoClock);
        this.perMinute = newPerMinute;
        this.burst = newBurst;
        buckets.clear();
    }

    private void sweep() {
        // a bucket idle for a full refill is indistinguishable from a new one
        long fullRefillNanos = (long) (60e9 * burst / perMinute);
        long now = nanoClock.getAsLong();
        buckets.values().removeIf(b -> now - b.lastUsedNanos() > fullRefillNanos);
    }
}
