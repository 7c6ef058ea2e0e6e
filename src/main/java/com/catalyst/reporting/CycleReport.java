package com.catalyst.reporting;

import java.time.LocalDate;

import com.catalyst.workflow.CycleSummary;

/**
 * One cycle's report as reporting records it: the cycle's status and orders placed, its session day's figures after it,
 * and the whole report as JSON ({@code {"cycle": summary, "day": figures}}) for {@code cycle_reports.report}. The
 * figures also become the day's {@code performance_daily} row.
 */
public record CycleReport(String cycleId, String status, long ordersPlaced, LocalDate date, DayFigures day, String json) {

    public static CycleReport of(CycleSummary summary, DayFigures day, String json) {
        return new CycleReport(summary.cycleId(), summary.status(), summary.placed(), summary.sessionDate(), day, json);
    }
}
