package com.catalyst.market.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Time as the pipeline sees it: wall-clock time on an exchange calendar, or a simulated session. The session's open
 * and close come from {@link #calendar()}, so an early close (13:00) moves every count to the close with it: the
 * risk manager's no-entry window and the end-of-day flatten read {@link #minutesToClose()}.
 */
public interface TradingClock {

    ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    Instant now();

    /** The session the current instant belongs to (today's date on the exchange when open). */
    LocalDate sessionDate();

    boolean isMarketOpen();

    /** Where the sessions' hours come from: the built-in NYSE calendar unless the clock says otherwise. */
    default MarketCalendar calendar() {
        return ExchangeCalendar.BUILT_IN;
    }

    /** The current session's hours; a day without one (weekend, holiday) counts with regular hours. */
    default MarketCalendar.Session session() {
        LocalDate date = sessionDate();
        return calendar().session(date).orElseGet(() -> new MarketCalendar.Session(date, REGULAR_OPEN, REGULAR_CLOSE));
    }

    default Instant sessionOpen() {
        return session().openInstant();
    }

    default Instant sessionClose() {
        return session().closeInstant();
    }

    default long minutesSinceOpen() {
        return Math.max(0, java.time.Duration.between(sessionOpen(), now()).toMinutes());
    }

    default long minutesToClose() {
        return Math.max(0, java.time.Duration.between(now(), sessionClose()).toMinutes());
    }
}
