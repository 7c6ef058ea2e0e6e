package com.catalyst.technical;

import java.util.List;
import java.util.Map;

/**
 * Readings for every requested symbol that had enough bars; {@code skipped} names the rest with the reason. A cycle's
 * readings are stored by TechnicalRepository.
 */
public record TechnicalResponse(String cycleId, List<TechnicalReading> readings, Map<String, String> skipped) {
}
