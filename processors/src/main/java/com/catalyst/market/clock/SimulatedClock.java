package com.catalyst.market.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * A trading session that runs whatever the wall-clock time: it starts at {@code startTime} of {@code firstSession}
 * and advances {@code speed} simulated seconds per real second; past the close it rolls to the next trading day's open.
 * Speed 0 freezes time, which tests and benchmarks use for repeatable cycles.
 */
public final class SimulatedClock implements TradingClock {

    private static final long SESSION_MINUTES = Duration.between(REGULAR_OPEN, REGULAR_CLOSE).toMinutes();

    private final Clock wall;
    private final Instant wallStart;
    private final LocalDate firstSession;
    private final long startOffsetSeconds;
    private final double speed;

    public SimulatedClock(Clock wall, LocalDate firstSession, LocalTime startTime, double speed) {
        if (startTime.isBefore(REGULAR_OPEN) || !startTime.isBefore(REGULAR_CLOSE)) {
            throw new IllegalArgumentException("catalyst.clock.start-time must be within the regular session 09:30–16:00, got " + startTime);
        }
        this.wall = wall;
        this.wallStart = wall.instant();
        this.firstSession = ExchangeCalendar.onOrAfter(firstSession);
        this.startOffsetSeconds = Duration.between(REGULAR_OPEN, startTime).toSeconds();
        this.speed = speed;
    }

    @Override
    public Instant now() {
        long simSeconds = startOffsetSeconds + (long) (Duration.between(wallStart, wall.instant()).toMillis() * speed / 1000.0);
        long sessionSeconds = SESSION_MINUTES * 60;
        LocalDate date = firstSession;
        for (long s = simSeconds / sessionSeconds; s > 0; s--) {
            date = ExchangeCalendar.nextTradingDay(date);
        }
        return ZonedDateTime.of(date, REGULAR_OPEN, EXCHANGE_ZONE).toInstant().plusSeconds(simSeconds % sessionSeconds);
    }

    @Override
    public LocalDate sessionDate() {
        return now().atZone(EXCHANGE_ZONE).toLocalDate();
    }

    @Override
    public boolean isMarketOpen() {
        return true; // the simulated session is always in regular hours: it rolls to the next open at the close
    }
}
