package com.catalyst.market.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Time as the pipeline sees it: wall-clock time on the exchange calendar, or a simulated session. */
public interface TradingClock {

    ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    Instant now();

    /** The session the current instant belongs to (today's date on the exchange when open). */
    LocalDate sessionDate();

    boolean isMarketOpen();

    default Instant sessionOpen() {
        return ZonedDateTime.of(sessionDate(), REGULAR_OPEN, EXCHANGE_ZONE).toInstant();
    }

    default Instant sessionClose() {
        return ZonedDateTime.of(sessionDate(), REGULAR_CLOSE, EXCHANGE_ZONE).toInstant();
    }

    default long minutesSinceOpen() {
        return Math.max(0, java.time.Duration.between(sessionOpen(), now()).toMinutes());
    }

    default long minutesToClose() {
        return Math.max(0, java.time.Duration.between(now(), sessionClose()).toMinutes());
    }
}
