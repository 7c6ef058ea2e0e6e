package com.catalyst.market.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * NYSE trading days: weekdays less the exchange's full-day holidays (published NYSE calendar, 2025–2027).
 * Early closes are not modelled; a date past 2027 falls back to weekdays only, which the docs state.
 */
public final class ExchangeCalendar {

    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 9), LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 17),
            LocalDate.of(2025, 4, 18), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 19), LocalDate.of(2025, 7, 4),
            LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 2, 16), LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 5, 25), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 7, 3), LocalDate.of(2026, 9, 7),
            LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25),
            LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 18), LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 18), LocalDate.of(2027, 7, 5), LocalDate.of(2027, 9, 6),
            LocalDate.of(2027, 11, 25), LocalDate.of(2027, 12, 24));

    private ExchangeCalendar() {
    }

    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !HOLIDAYS.contains(date);
    }

    public static LocalDate nextTradingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isTradingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    public static LocalDate previousTradingDay(LocalDate date) {
        LocalDate prev = date.minusDays(1);
        while (!isTradingDay(prev)) {
            prev = prev.minusDays(1);
        }
        return prev;
    }

    /** The date itself when it trades, else the next trading day. */
    public static LocalDate onOrAfter(LocalDate date) {
        return isTradingDay(date) ? date : nextTradingDay(date);
    }
}
