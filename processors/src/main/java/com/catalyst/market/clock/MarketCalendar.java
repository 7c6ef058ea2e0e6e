package com.catalyst.market.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Which days the exchange trades and when each session opens and closes, in New York time. The built-in NYSE
 * calendar ({@link ExchangeCalendar#BUILT_IN}) and Alpaca's ({@code AlpacaCalendar}) both answer it.
 */
@FunctionalInterface
public interface MarketCalendar {

    /** One regular session: 09:30–16:00 on most days, 09:30–13:00 on an early close. */
    record Session(LocalDate date, LocalTime open, LocalTime close) {

        public Instant openInstant() {
            return ZonedDateTime.of(date, open, TradingClock.EXCHANGE_ZONE).toInstant();
        }

        public Instant closeInstant() {
            return ZonedDateTime.of(date, close, TradingClock.EXCHANGE_ZONE).toInstant();
        }

        public boolean earlyClose() {
            return close.isBefore(TradingClock.REGULAR_CLOSE);
        }

        public long minutes() {
            return Duration.between(open, close).toMinutes();
        }

        /** Whether {@code time} (New York) is within [open, close). */
        public boolean contains(LocalTime time) {
            return !time.isBefore(open) && time.isBefore(close);
        }
    }

    /** The session of {@code date}, or empty when the exchange does not trade that day (weekend, holiday). */
    Optional<Session> session(LocalDate date);

    default boolean isTradingDay(LocalDate date) {
        return session(date).isPresent();
    }

    default LocalDate nextTradingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isTradingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    default LocalDate previousTradingDay(LocalDate date) {
        LocalDate previous = date.minusDays(1);
        while (!isTradingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }
}
