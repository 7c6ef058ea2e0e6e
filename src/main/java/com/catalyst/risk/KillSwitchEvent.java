package com.catalyst.risk;

import java.time.LocalDate;

/** The kill switch's trip as {@code risk_events} keeps it, once a session day: the cycle, the day, the message and the figures as JSON. */
public record KillSwitchEvent(String cycleId, LocalDate sessionDate, String message, String details) {
}
