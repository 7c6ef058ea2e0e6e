package com.catalyst.technical;

import com.catalyst.market.Bar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Session-anchored VWAP: sum(typical price x volume) / sum(volume) over the bars of the current trading day.
 * <p>
 * The session is the calendar day, in {@code zone} (US/Eastern for US equities), of the bar's timestamp; the sums
 * reset on the first bar of each new day. Every bar of that day counts, extended hours included: feed only
 * regular-session bars to get a 09:30-16:00 VWAP. This differs from ta4j's {@code VWAPIndicator}, which is a
 * rolling window of the last N bars regardless of the day. NaN before the first bar with volume in a session.
 */
public final class SessionVwap {

    private final ZoneId zone;
    private Instant sessionStart = Instant.MAX;
    private Instant sessionEnd = Instant.MIN;
    private double priceVolumeSum;
    private double volumeSum;

    public SessionVwap(ZoneId zone) {
        this.zone = zone;
    }

    /** Adds the next bar and returns {@link #value()}. */
    public double update(Bar bar) {
        Instant time = bar.time();
        // the zone rules are consulted once per day, not per bar
        if (time.isBefore(sessionStart) || !time.isBefore(sessionEnd)) {
            LocalDate day = LocalDate.ofInstant(time, zone);
            sessionStart = day.atStartOfDay(zone).toInstant();
            sessionEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            priceVolumeSum = 0;
            volumeSum = 0;
        }
        priceVolumeSum += bar.typicalPrice() * bar.volume();
        volumeSum += bar.volume();
        return value();
    }

    public double value() {
        return volumeSum > 0 ? priceVolumeSum / volumeSum : Double.NaN;
    }
}
