package com.catalyst.technical;

/**
 * Relative volume: this bar's volume divided by the mean volume of the {@code lookback} bars before it.
 * <p>
 * The current bar is not part of its own average, so a spike is measured against the quiet that preceded it;
 * 2.0 means twice the recent average. This is bar-over-recent-bars, not time-of-day relative volume (which needs
 * several days of history per minute slot). Volumes are summed as longs, exactly, so there is no drift.
 * Warm-up: NaN until {@code lookback} earlier bars exist; NaN when their volume is 0.
 */
public final class RelativeVolume {

    private final long[] volumes;
    private int next;
    private long count;
    private long sum;
    private double value = Double.NaN;

    public RelativeVolume(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be at least 1, was " + lookback);
        }
        this.volumes = new long[lookback];
    }

    /** Adds the next bar's volume and returns {@link #value()}. */
    public double update(long volume) {
        int lookback = volumes.length;
        value = count >= lookback && sum > 0 ? volume / ((double) sum / lookback) : Double.NaN;
        if (count >= lookback) {
            sum -= volumes[next];
        }
        volumes[next] = volume;
        sum += volume;
        next = next + 1 == lookback ? 0 : next + 1;
        count++;
        return value;
    }

    public double value() {
        return value;
    }

    public boolean isReady() {
        return count > volumes.length;
    }
}
