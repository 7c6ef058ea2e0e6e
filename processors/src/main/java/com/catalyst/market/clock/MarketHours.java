package com.catalyst.market.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The market clock as a trader reads it: now, whether the market is open, this session's open and close (an early
 * close included) and the next session's; and the calendar of the coming trading days. All from {@link TradingClock}.
 */
public record MarketHours(Instant now, boolean isOpen, LocalDate session, Day today, Day nextSession, long minutesToClose) {

    /** One trading day's regular session in New York time. */
    public record Day(LocalDate date, LocalTime open, LocalTime close, boolean earlyClose, Instant openAt, Instant closeAt) {

        static Day of(MarketCalendar.Session s) {
            return new Day(s.date(), s.open(), s.close(), s.earlyClose(), s.openInstant(), s.closeInstant());
        }
    }

    public static MarketHours of(TradingClock clock) {
        Instant now = clock.now();
        LocalDate date = clock.sessionDate();
        Day today = clock.calendar().session(date).map(Day::of).orElse(null);
        // after today's close (or on a closed day) the next session is the next trading day's
        LocalDate next = today != null && now.isBefore(today.closeAt()) ? date : clock.calendar().nextTradingDay(date);
        Day nextSession = clock.calendar().session(next).map(Day::of).orElse(null);
        boolean open = clock.isMarketOpen();
        return new MarketHours(now, open, date, today, nextSession, open ? clock.minutesToClose() : 0);
    }

    /** The trading days from {@code from} on, {@code days} of them, each with its hours. */
    public static List<Day> calendar(TradingClock clock, LocalDate from, int days) {
        List<Day> out = new ArrayList<>(days);
        LocalDate date = clock.calendar().isTradingDay(from) ? from : clock.calendar().nextTradingDay(from);
        while (out.size() < days) {
            out.add(Day.of(clock.calendar().session(date).orElseThrow()));
            date = clock.calendar().nextTradingDay(date);
        }
        return out;
    }
}
