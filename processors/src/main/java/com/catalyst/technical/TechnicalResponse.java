package com.catalyst.technical;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Readings for every requested symbol that had enough bars; {@code skipped} names the rest with the reason. */
public record TechnicalResponse(String cycleId, List<TechnicalReading> readings, Map<String, String> skipped) {

    /** One row a reading for the {@code technical_indicators} batch insert. */
    public List<Map<String, Object>> sqlRows() {
        return readings.stream().map(r -> {
            Map<String, Object> row = new HashMap<>();
            row.put("cycle_id", cycleId);
            row.put("symbol", r.symbol());
            row.put("bar_time", Timestamp.from(r.barTime()));
            row.put("sma_20", finite(r.sma20()));
            row.put("ema_9", finite(r.ema9()));
            row.put("ema_21", finite(r.ema21()));
            row.put("rsi_14", finite(r.rsi()));
            row.put("macd", finite(r.macd()));
            row.put("macd_signal", finite(r.macdSignal()));
            row.put("macd_histogram", finite(r.macdHistogram()));
            row.put("atr_14", finite(r.atr()));
            row.put("bollinger_upper", finite(r.bollingerUpper()));
            row.put("bollinger_middle", finite(r.bollingerMiddle()));
            row.put("bollinger_lower", finite(r.bollingerLower()));
            row.put("vwap", finite(r.vwap()));
            row.put("stochastic_k", finite(r.stochasticK()));
            row.put("stochastic_d", finite(r.stochasticD()));
            row.put("volume_ratio", finite(r.volumeRatio()));
            row.put("signal_score", r.signalScore());
            row.put("signal", r.signal());
            return row;
        }).toList();
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
