package com.catalyst.market.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in NYSE calendar: weekdays less the exchange's full-day holidays, and the early closes at 13:00 New York
 * time, for 2025–2027. Source: NYSE Group's "Holiday and Early Closings Calendar" announcements of 2024-11-08
 * (2025–2027) and 2025-12-23 (2026–2028), as reprinted by Mondo Visione; 2025-01-09 is the national day of mourning
 * the NYSE closed for. A date past 2027 falls back to weekdays with 16:00 closes, which docs/market-hours.md states.
 * With {@code catalyst.market.adapter=alpaca} and the real clock, Alpaca's calendar is used instead (AlpacaCalendar).
 */
public final class ExchangeCalendar {

    /** The close of the day before Independence Day, the day after Thanksgiving and Christmas Eve. */
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

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

    // 2026 and 2027 have no early close before Independence Day (the holiday is observed on a Friday / Monday), and
    // 2027 none on Christmas Eve (Christmas is observed on the 24th itself)
    private static final Set<LocalDate> EARLY_CLOSES = Set.of(
            LocalDate.of(2025, 7, 3), LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 24),
            LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 24),
            LocalDate.of(2027, 11, 26));

    /** This calendar as a {@link MarketCalendar}. */
    public static final MarketCalendar BUILT_IN = date -> isTradingDay(date)
            ? Optional.of(new MarketCalendar.Session(date, TradingClock.REGULAR_OPEN, close(date)))
            : Optional.empty();

    private ExchangeCalendar() {
    }

    public static boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !HOLIDAYS.contains(date);
    }

    /** The close of {@code date}'s session: 13:00 on an early close, else 16:00 (whether the day trades or not). */
    public static LocalTime close(LocalDate date) {
        return EARLY_CLOSES.contains(date) ? EARLY_CLOSE : TradingClock.REGULAR_CLOSE;
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
