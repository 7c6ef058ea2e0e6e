package com.catalyst.market.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ExchangeCalendarTest {

    @Test
    void weekdaysTradeAndWeekendsDoNot() {
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 3, 9))).isTrue();   // Monday
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 3, 13))).isTrue();  // Friday
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 3, 14))).isFalse(); // Saturday
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 3, 15))).isFalse(); // Sunday
    }

    @Test
    void exchangeHolidaysDoNotTrade() {
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 11, 26))).isFalse(); // Thanksgiving
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 7, 3))).isFalse();   // Independence Day observed
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2025, 12, 25))).isFalse();
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2027, 12, 24))).isFalse(); // Christmas observed
        // the day after Thanksgiving trades (an early close)
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2026, 11, 27))).isTrue();
    }

    @Test
    void nextTradingDaySkipsHolidaysAndWeekends() {
        assertThat(ExchangeCalendar.nextTradingDay(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(ExchangeCalendar.nextTradingDay(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ExchangeCalendar.nextTradingDay(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(ExchangeCalendar.nextTradingDay(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void previousTradingDaySkipsHolidaysAndWeekends() {
        assertThat(ExchangeCalendar.previousTradingDay(LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(ExchangeCalendar.previousTradingDay(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(ExchangeCalendar.previousTradingDay(LocalDate.of(2026, 1, 20))).isEqualTo(LocalDate.of(2026, 1, 16)); // MLK Monday
        assertThat(ExchangeCalendar.previousTradingDay(LocalDate.of(2026, 1, 2))).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void onOrAfterKeepsATradingDayAndMovesAnOtherDayForward() {
        assertThat(ExchangeCalendar.onOrAfter(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(ExchangeCalendar.onOrAfter(LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(ExchangeCalendar.onOrAfter(LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void datesPastThePublishedCalendarFallBackToWeekdays() {
        // 2028-01-03 is a Monday; the calendar lists holidays up to 2027 only, as documented
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2028, 1, 3))).isTrue();
        assertThat(ExchangeCalendar.isTradingDay(LocalDate.of(2028, 1, 1))).isFalse(); // a Saturday
    }

    @Test
    void nyseEarlyClosesEndAt1300AndEveryOtherDayAt1600() {
        // NYSE's published early closes for 2025-2027
        for (String date : java.util.List.of("2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24", "2027-11-26")) {
            LocalDate day = LocalDate.parse(date);
            assertThat(ExchangeCalendar.close(day)).as(date).isEqualTo(java.time.LocalTime.of(13, 0));
            assertThat(ExchangeCalendar.BUILT_IN.session(day)).as(date).get()
                    .satisfies(s -> assertThat(s.earlyClose()).isTrue()).extracting(MarketCalendar.Session::minutes).isEqualTo(210L);
        }
        // the eves that are not early closes: Independence Day observed on a Friday (2026) or a Monday (2027), Christmas observed on the 24th (2027)
        assertThat(ExchangeCalendar.close(LocalDate.of(2026, 7, 2))).isEqualTo(java.time.LocalTime.of(16, 0));
        assertThat(ExchangeCalendar.close(LocalDate.of(2027, 7, 2))).isEqualTo(java.time.LocalTime.of(16, 0));
        assertThat(ExchangeCalendar.close(LocalDate.of(2027, 12, 23))).isEqualTo(java.time.LocalTime.of(16, 0));
        assertThat(ExchangeCalendar.BUILT_IN.session(LocalDate.of(2026, 11, 25))).get()
                .extracting(MarketCalendar.Session::close).isEqualTo(java.time.LocalTime.of(16, 0));
    }

    @Test
    void theBuiltInCalendarHasNoSessionOnAHolidayOrAWeekend() {
        assertThat(ExchangeCalendar.BUILT_IN.session(LocalDate.of(2026, 11, 26))).isEmpty();
        assertThat(ExchangeCalendar.BUILT_IN.session(LocalDate.of(2026, 11, 28))).isEmpty();
        assertThat(ExchangeCalendar.BUILT_IN.nextTradingDay(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
    }
}
