package com.catalyst.scanner;

import java.time.Instant;
import java.time.LocalDate;

/** Ask the scanner to rank the universe as of an instant of a session, keeping the top {@code limit}. */
public record ScanRequest(String cycleId, LocalDate sessionDate, Instant asOf, int limit) {
}
