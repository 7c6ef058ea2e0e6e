package com.catalyst.news;

import java.time.Instant;
import java.util.List;

/** Read the news of these symbols published in the {@code lookbackHours} before {@code asOf}. */
public record NewsRequest(String cycleId, Instant asOf, List<String> symbols) {
}
