package com.catalyst.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import com.catalyst.market.clock.TradingClock;

/**
 * A session's clock that only the test moves: declared {@code @Primary} in a test's configuration, every bean that
 * reads the time reads it, and the market is open between the session's open and close of {@code day}.
 */
public final class SteppedTradingClock implements TradingClock {

    private final LocalDate day;
    private volatile Instant now;

    public SteppedTradingClock(LocalDate day, Instant start) {
        this.day = day;
        this.now = start;
    }

    /** {@code hour:minute} in New York on {@code day}. */
    public static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), TradingClock.EXCHANGE_ZONE).toInstant();
    }

    public void moveTo(Instant instant) {
        now = instant;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public LocalDate sessionDate() {
        return day;
    }

    @Override
    public boolean isMarketOpen() {
        return !now.isBefore(sessionOpen()) && now.isBefore(sessionClose());
    }
}
