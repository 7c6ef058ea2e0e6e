package com.catalyst.notify;

import java.time.LocalDate;
import java.util.Map;

import com.catalyst.market.clock.TradingClock;

/**
 * The daily report's notice, once a session day: when this process saw the market open and then that session end,
 * either the market closed (the real clock) or the session rolled on to the next day's (the simulated clock, which is
 * always in session). A process started after the close sends none for that day (no duplicate on a restart).
 */
public class DailyReportNotice {

    private final TradingClock clock;
    private final String reportBase;
    private LocalDate openSeen;

    public DailyReportNotice(TradingClock clock, String reportBase) {
        this.clock = clock;
        this.reportBase = reportBase.endsWith("/") ? reportBase.substring(0, reportBase.length() - 1) : reportBase;
    }

    /** Called every minute by the notify-daily-report timer; the event when a seen session has just ended, else null. */
    public synchronized NotifyEvent due() {
        LocalDate session = clock.isMarketOpen() ? clock.sessionDate() : null;
        if (openSeen == null || openSeen.equals(session)) {
            openSeen = session;
            return null;
        }
        LocalDate day = openSeen;
        openSeen = session;
        return NotifyEvent.of("daily_report", null, Map.of("date", day.toString(),
                "link", reportBase + "/api/v1/reporting/daily/" + day));
    }
}
