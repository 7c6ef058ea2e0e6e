package com.catalyst.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.catalyst.trading.OrderOutcome;

/** The outcome of a cycle as the trader, the record and the reporting bundle see it. */
public record CycleSummary(String cycleId, String mode, String status, LocalDate sessionDate, Instant sessionTime,
                           Instant startedAt, long durationMs, int scanned, int candidates, int afterNews, int afterPattern,
                           int afterTechnical, int picked, long approved, long placed, String newsStatus,
                           List<String> pickedSymbols, List<OrderOutcome> orders, Map<String, Long> stepMillis, String failureReason) {
}
