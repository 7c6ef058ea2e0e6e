package com.catalyst.market.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class WallClockTest {

    private static WallClock at(String instant) {
        return new WallClock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void openFrom0930To1600NewYorkOnATradingDayInWinter() {
        // Friday 2026-03-06, EST (UTC-5)
        assertThat(at("2026-03-06T14:29:59Z").isMarketOpen()).isFalse();
        assertThat(at("2026-03-06T14:30:00Z").isMarketOpen()).isTrue();
        assertThat(at("2026-03-06T20:59:59Z").isMarketOpen()).isTrue();
        assertThat(at("2026-03-06T21:00:00Z").isMarketOpen()).isFalse();
    }

    @Test
    void theOpenMovesAnHourEarlierInUtcAfterTheDaylightSavingChange() {
        // Monday 2026-03-09, EDT (UTC-4): 13:30 UTC is 09:30 in New York
        assertThat(at("2026-03-09T13:30:00Z").isMarketOpen()).isTrue();
        assertThat(at("2026-03-09T13:29:00Z").isMarketOpen()).isFalse();
        assertThat(at("2026-03-09T19:59:00Z").isMarketOpen()).isTrue();
        assertThat(at("2026-03-09T20:00:00Z").isMarketOpen()).isFalse();
        // and back in November: Monday 2026-11-02 is EST again
        assertThat(at("2026-11-02T13:30:00Z").isMarketOpen()).isFalse();
        assertThat(at("2026-11-02T14:30:00Z").isMarketOpen()).isTrue();
    }

    @Test
    void closedAllDayOnAHolidayAndAtWeekends() {
        assertThat(at("2026-11-26T15:00:00Z").isMarketOpen()).isFalse(); // Thanksgiving, 10:00 New York
        assertThat(at("2026-11-27T15:00:00Z").isMarketOpen()).isTrue();
        assertThat(at("2026-03-07T16:00:00Z").isMarketOpen()).isFalse(); // Saturday
    }

    @Test
    void sessionDateIsTheNewYorkDate() {
        // 01:00 UTC on the 10th is still the evening of the 9th in New York
        assertThat(at("2026-03-10T01:00:00Z").sessionDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(at("2026-03-10T05:00:00Z").sessionDate()).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void minutesSinceOpenAndToCloseCountFromTheSessionBounds() {
        WallClock clock = at("2026-03-09T14:00:00Z"); // 10:00 EDT
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
        assertThat(clock.minutesSinceOpen()).isEqualTo(30);
        assertThat(clock.minutesToClose()).isEqualTo(360);
        WallClock before = at("2026-03-09T12:00:00Z");
        assertThat(before.minutesSinceOpen()).isZero();
    }

    @Test
    void onAnEarlyCloseDayTheMarketClosesAt1300AndTheCountsFollow() {
        // Friday 2026-11-27, EST: 13:00 New York is 18:00 UTC
        assertThat(at("2026-11-27T17:59:59Z").isMarketOpen()).isTrue();
        assertThat(at("2026-11-27T18:00:00Z").isMarketOpen()).isFalse();
        assertThat(at("2026-11-27T19:00:00Z").isMarketOpen()).isFalse(); // 14:00: closed, though a regular day would trade
        WallClock noon = at("2026-11-27T17:00:00Z");
        assertThat(noon.sessionClose()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(noon.minutesToClose()).isEqualTo(60);
        assertThat(noon.minutesSinceOpen()).isEqualTo(150);
        // Christmas Eve 2026 too
        assertThat(at("2026-12-24T17:30:00Z").minutesToClose()).isEqualTo(30);
    }

    @Test
    void anotherCalendarDecidesTheSessions() {
        // a calendar that closes 2026-03-06 at 13:00 and has no session on 2026-03-09
        MarketCalendar calendar = date -> date.equals(LocalDate.of(2026, 3, 9)) ? java.util.Optional.empty()
                : java.util.Optional.of(new MarketCalendar.Session(date, java.time.LocalTime.of(9, 30), java.time.LocalTime.of(13, 0)));
        WallClock friday = new WallClock(Clock.fixed(Instant.parse("2026-03-06T18:30:00Z"), ZoneOffset.UTC), calendar); // 13:30 EST
        assertThat(friday.isMarketOpen()).isFalse();
        assertThat(friday.minutesToClose()).isZero();
        assertThat(new WallClock(Clock.fixed(Instant.parse("2026-03-09T15:00:00Z"), ZoneOffset.UTC), calendar).isMarketOpen()).isFalse();
    }
}
