package com.catalyst.market.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);

    private final MutableClock wall = new MutableClock(Instant.parse("2030-01-01T03:00:00Z")); // any wall time at all

    private static Instant ny(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    @Test
    void startsAtTheStartTimeOfTheFirstSession() {
        SimulatedClock clock = new SimulatedClock(wall, TUESDAY, LocalTime.of(10, 15), 60);
        assertThat(clock.now()).isEqualTo(ny(TUESDAY, 10, 15));
        assertThat(clock.sessionDate()).isEqualTo(TUESDAY);
        assertThat(clock.isMarketOpen()).isTrue();
        assertThat(clock.sessionOpen()).isEqualTo(ny(TUESDAY, 9, 30));
        assertThat(clock.sessionClose()).isEqualTo(ny(TUESDAY, 16, 0));
        assertThat(clock.minutesSinceOpen()).isEqualTo(45);
        assertThat(clock.minutesToClose()).isEqualTo(345);
    }

    @Test
    void aFirstSessionOnAHolidayStartsOnTheNextTradingDay() {
        SimulatedClock clock = new SimulatedClock(wall, LocalDate.of(2026, 11, 26), LocalTime.of(9, 30), 1);
        assertThat(clock.now()).isEqualTo(ny(LocalDate.of(2026, 11, 27), 9, 30));
    }

    @Test
    void advancesSpeedTimesWallTime() {
        SimulatedClock clock = new SimulatedClock(wall, TUESDAY, LocalTime.of(10, 0), 60);
        wall.advance(Duration.ofSeconds(1));
        assertThat(clock.now()).isEqualTo(ny(TUESDAY, 10, 1));
        wall.advance(Duration.ofSeconds(59));
        assertThat(clock.now()).isEqualTo(ny(TUESDAY, 11, 0));
        wall.advance(Duration.ofMillis(500));
        assertThat(clock.now()).isEqualTo(ny(TUESDAY, 11, 0).plusSeconds(30));
    }

    @Test
    void realTimeAtSpeedOne() {
        SimulatedClock clock = new SimulatedClock(wall, TUESDAY, LocalTime.of(9, 30), 1);
        wall.advance(Duration.ofMinutes(90));
        assertThat(clock.now()).isEqualTo(ny(TUESDAY, 11, 0));
    }

    @Test
    void rollsToTheNextTradingDaysOpenAfterTheClose() {
        SimulatedClock clock = new SimulatedClock(wall, TUESDAY, LocalTime.of(15, 59), 60);
        wall.advance(Duration.ofSeconds(1)); // 16:00: the session is over
        assertThat(clock.now()).isEqualTo(ny(LocalDate.of(2026, 3, 11), 9, 30));
        wall.advance(Duration.ofSeconds(2));
        assertThat(clock.now()).isEqualTo(ny(LocalDate.of(2026, 3, 11), 9, 32));
        assertThat(clock.sessionDate()).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void rollsOverAWeekendAndAHoliday() {
        // Wednesday before Thanksgiving, late: the next session is Friday, then Monday
        LocalDate wednesday = LocalDate.of(2026, 11, 25);
        SimulatedClock clock = new SimulatedClock(wall, wednesday, LocalTime.of(15, 0), 60);
        wall.advance(Duration.ofMinutes(1)); // 60 simulated minutes: 16:00
        assertThat(clock.now()).isEqualTo(ny(LocalDate.of(2026, 11, 27), 9, 30));
        wall.advance(Duration.ofSeconds(210)); // one whole session later: Friday closes early, 210 minutes
        assertThat(clock.now()).isEqualTo(ny(LocalDate.of(2026, 11, 30), 9, 30));
    }

    @Test
    void speedZeroFreezesTime() {
        SimulatedClock clock = new SimulatedClock(wall, TUESDAY, LocalTime.of(11, 0), 0);
        wall.advance(Duration.ofDays(3));
        assertThat(clock.now()).isEqualTo(ny(TUESDAY, 11, 0));
    }

    @Test
    void aStartTimeOutsideTheRegularSessionIsRefused() {
        assertThatThrownBy(() -> new SimulatedClock(wall, TUESDAY, LocalTime.of(9, 29), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalyst.clock.start-time")
                .hasMessageContaining("09:29");
        assertThatThrownBy(() -> new SimulatedClock(wall, TUESDAY, LocalTime.of(16, 0), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedClock(wall, TUESDAY, LocalTime.of(20, 0), 1))
                .isInstanceOf(IllegalArgumentException.class);
        // the bounds that are inside
        assertThat(new SimulatedClock(wall, TUESDAY, LocalTime.of(9, 30), 1).now()).isEqualTo(ny(TUESDAY, 9, 30));
        assertThat(new SimulatedClock(wall, TUESDAY, LocalTime.of(15, 59), 1).now()).isEqualTo(ny(TUESDAY, 15, 59));
    }

    @Test
    void anEarlyCloseDayEndsAt1300AndRollsToTheNextOpen() {
        LocalDate friday = LocalDate.of(2026, 11, 27); // the day after Thanksgiving closes at 13:00
        SimulatedClock clock = new SimulatedClock(wall, friday, LocalTime.of(12, 40), 1);
        assertThat(clock.sessionClose()).isEqualTo(ny(friday, 13, 0));
        assertThat(clock.minutesToClose()).isEqualTo(20);
        wall.advance(Duration.ofMinutes(19));
        assertThat(clock.now()).isEqualTo(ny(friday, 12, 59));
        assertThat(clock.minutesToClose()).isEqualTo(1);
        wall.advance(Duration.ofMinutes(1)); // 13:00: the session is over, not three hours later
        assertThat(clock.now()).isEqualTo(ny(LocalDate.of(2026, 11, 30), 9, 30));
        assertThat(clock.sessionClose()).isEqualTo(ny(LocalDate.of(2026, 11, 30), 16, 0));
    }

    @Test
    void aStartTimePastAnEarlyCloseIsRefusedNamingTheClose() {
        assertThatThrownBy(() -> new SimulatedClock(wall, LocalDate.of(2026, 12, 24), LocalTime.of(13, 0), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalyst.clock.start-time").hasMessageContaining("2026-12-24").hasMessageContaining("13:00");
        assertThat(new SimulatedClock(wall, LocalDate.of(2026, 12, 24), LocalTime.of(12, 59), 0).now())
                .isEqualTo(ny(LocalDate.of(2026, 12, 24), 12, 59));
    }
}
