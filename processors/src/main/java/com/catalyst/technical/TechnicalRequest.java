package com.catalyst.technical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Compute indicators for these symbols as of an instant; a reading passes when RSI is inside the band and MACD is above its signal. */
public record TechnicalRequest(String cycleId, LocalDate sessionDate, Instant asOf, List<String> symbols, double rsiLow, double rsiHigh) {
}
