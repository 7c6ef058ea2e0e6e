package com.catalyst.market.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A trading session that runs whatever the wall-clock time: it starts at {@code startTime} of {@code firstSession}
 * and advances {@code speed} simulated seconds per real second; past the close it rolls to the next trading day's open.
 * Sessions follow the built-in calendar: an early-close day (2026-11-27) ends at 13:00 and rolls on from there.
 * Speed 0 freezes time, which tests and benchmarks use for repeatable cycles.
 */
public final class SimulatedClock implements TradingClock {

    private final Clock wall;
    private final Instant wallStart;
    private final LocalDate firstSession;
    private final long startOffsetSeconds;
    private final double speed;

    public SimulatedClock(Clock wall, LocalDate firstSession, LocalTime startTime, double speed) {
        if (startTime.isBefore(REGULAR_OPEN) || !startTime.isBefore(REGULAR_CLOSE)) {
            throw new IllegalArgumentException("catalyst.clock.start-time must be within the regular session 09:30–16:00, got " + startTime);
        }
        LocalDate first = ExchangeCalendar.onOrAfter(firstSession);
        LocalTime close = ExchangeCalendar.close(first);
        if (!startTime.isBefore(close)) {
            throw new IllegalArgumentException("catalyst.clock.start-time " + startTime + " is past the close of " + first
                    + ", an early close at " + close + ": start before " + close + " or pick another catalyst.clock.session-date");
        }
        this.wall = wall;
        this.wallStart = wall.instant();
        this.firstSession = first;
        this.startOffsetSeconds = Duration.between(REGULAR_OPEN, startTime).toSeconds();
        this.speed = speed;
    }

    @Override
    public Instant now() {
        long simSeconds = startOffsetSeconds + (long) (Duration.between(wallStart, wall.instant()).toMillis() * speed / 1000.0);
        LocalDate date = firstSession;
        // each session lasts as long as the calendar says (390 minutes, 210 on an early close)
        long length = sessionSeconds(date);
        while (simSeconds >= length) {
            simSeconds -= length;
            date = ExchangeCalendar.nextTradingDay(date);
            length = sessionSeconds(date);
        }
        return session(date).openInstant().plusSeconds(simSeconds);
    }

    private static long sessionSeconds(LocalDate date) {
        return Duration.between(REGULAR_OPEN, ExchangeCalendar.close(date)).toSeconds();
    }

    private static MarketCalendar.Session session(LocalDate date) {
        return new MarketCalendar.Session(date, REGULAR_OPEN, ExchangeCalendar.close(date));
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
