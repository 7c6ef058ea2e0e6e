package com.catalyst.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import com.catalyst.market.clock.MutableClock;
import com.catalyst.market.clock.SimulatedClock;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.market.clock.WallClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report's notice comes once a session, after the close this process saw: on the real clock the market
 * closes; on the simulated clock, which is always in session, the session rolls on to the next day's open.
 */
class DailyReportNoticeTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);

    @Test
    void theRealClocksCloseBringsOneNoticeWithItsLink() {
        MutableClock wall = new MutableClock(at(DAY, 15, 58));
        DailyReportNotice notice = new DailyReportNotice(new WallClock(wall), "http://catalyst.example/");

        assertThat(notice.due()).as("in session").isNull();
        wall.set(at(DAY, 16, 1));
        NotifyEvent report = notice.due();
        assertThat(report).isNotNull();
        assertThat(report.event()).isEqualTo("daily_report");
        assertThat(report.details()).containsEntry("date", "2026-01-06")
                .containsEntry("link", "http://catalyst.example/api/v1/reporting/daily/2026-01-06");
        wall.set(at(DAY, 16, 2));
        assertThat(notice.due()).as("once a session").isNull();
    }

    @Test
    void aSimulatedSessionRollingToTheNextDayBringsOneNotice() {
        MutableClock wall = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        TradingClock clock = new SimulatedClock(wall, DAY, LocalTime.of(15, 58), 1);
        DailyReportNotice notice = new DailyReportNotice(clock, "http://catalyst.example");

        assertThat(notice.due()).isNull();
        // past 16:00 the simulated clock is at the next session's open, never closed
        wall.advance(Duration.ofMinutes(3));
        assertThat(clock.isMarketOpen()).isTrue();
        assertThat(clock.sessionDate()).isEqualTo(DAY.plusDays(1));
        NotifyEvent report = notice.due();
        assertThat(report).as("the 2026-01-06 session is over").isNotNull();
        assertThat(report.details()).containsEntry("date", "2026-01-06")
                .containsEntry("link", "http://catalyst.example/api/v1/reporting/daily/2026-01-06");
        assertThat(notice.due()).as("once a session").isNull();
    }

    @Test
    void aProcessStartedAfterTheCloseSendsNoneForThatDay() {
        MutableClock wall = new MutableClock(at(DAY, 17, 0));
        DailyReportNotice notice = new DailyReportNotice(new WallClock(wall), "http://catalyst.example");

        assertThat(notice.due()).isNull();
        wall.set(at(DAY, 17, 30));
        assertThat(notice.due()).isNull();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(TradingClock.EXCHANGE_ZONE).toInstant();
    }
}
