package com.catalyst.adapters.alpaca;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.github.resilience4j.core.IntervalFunction;

/**
 * How an Alpaca stream connects and comes back after a drop; one record for the market-data and the trading stream.
 *
 * @param connectTimeout      the TCP connect and WebSocket handshake of one attempt
 * @param startTimeout        how long {@code start()} waits to be authenticated and subscribed (or listening)
 * @param initialBackoff      the wait before the first reconnect after a drop
 * @param multiplier          each failed attempt multiplies the wait
 * @param jitter              the randomization factor of every wait (0.5: ±50 % on the backoff, up to +50 % on the 406 wait)
 * @param maxBackoff          the longest backoff wait
 * @param connectionLimitWait the wait after Alpaca's 406 (connection limit exceeded): another process or client holds
 *                            the account's one stream, so a short retry would only be refused again
 */
public record StreamSettings(Duration connectTimeout, Duration startTimeout, Duration initialBackoff, double multiplier,
                             double jitter, Duration maxBackoff, Duration connectionLimitWait) {

    public StreamSettings {
        if (initialBackoff.isZero() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("stream backoff: initial " + initialBackoff + " must be positive and at most max " + maxBackoff);
        }
        if (multiplier < 1.0 || jitter < 0 || jitter >= 1.0) {
            throw new IllegalArgumentException("stream backoff: multiplier " + multiplier + " must be >= 1 and jitter " + jitter + " in [0, 1)");
        }
        if (connectionLimitWait.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("stream backoff: the 406 wait " + connectionLimitWait + " must not be shorter than the initial backoff");
        }
    }

    /** 10 s to connect, 30 s to start, reconnect after 1 s doubling to 60 s (±50 %), 60 s after a 406. */
    public static StreamSettings defaults() {
        return new StreamSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1), 2.0, 0.5,
                Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    public StreamSettings withBackoff(Duration initial, double multiplier, Duration max) {
        return new StreamSettings(connectTimeout, startTimeout, initial, multiplier, jitter, max, connectionLimitWait);
    }

    public StreamSettings withConnectionLimitWait(Duration wait) {
        return new StreamSettings(connectTimeout, startTimeout, initialBackoff, multiplier, jitter, maxBackoff, wait);
    }

    public StreamSettings withTimeouts(Duration connect, Duration start) {
        return new StreamSettings(connect, start, initialBackoff, multiplier, jitter, maxBackoff, connectionLimitWait);
    }

    /** The backoff of reconnect attempt {@code attempt} (1 for the first after a drop): exponential with jitter. */
    IntervalFunction backoff() {
        return IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
    }

    /** The 406 wait, lengthened by up to {@code jitter} so that two refused clients do not come back together. */
    Duration connectionLimitWait(DoubleSupplier random) {
        return Duration.ofMillis(Math.round(connectionLimitWait.toMillis() * (1.0 + jitter * random.getAsDouble())));
    }
}
