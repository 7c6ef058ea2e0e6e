package com.catalyst.technical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/technical/{symbol}}: the latest reading (with the mode's RSI-band verdict) and the last
 * {@code window} bars of the session, each with its indicator values, oldest first.
 *
 * @param sessionBars bars of the session so far: the indicators ran over all of them, the series shows the last {@code window}
 */
public record TechnicalSeriesResponse(String symbol, LocalDate sessionDate, Instant asOf, int window, int sessionBars,
                                      TechnicalReading latest, List<TechnicalPoint> series) {
}
