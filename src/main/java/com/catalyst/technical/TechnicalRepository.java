package com.catalyst.technical;

import java.sql.Timestamp;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code technical_indicators}: technical-analyze stores a cycle's readings through the bean
 * {@code technicalRepository}, one row a symbol and bar of the 1-minute timeframe (a bar read again is skipped).
 */
@Repository("technicalRepository")
public class TechnicalRepository {

    static final String INSERT = "insert into technical_indicators (security_id, cycle_id, bar_time, timeframe, sma_20, ema_9, ema_21,"
            + " rsi_14, macd, macd_signal, macd_histogram, atr_14, bollinger_upper, bollinger_middle, bollinger_lower, vwap,"
            + " stochastic_k, stochastic_d, volume_ratio, signal_score, signal)"
            + " values (get_or_create_security(:symbol), :cycle_id, :bar_time, '1min', :sma_20, :ema_9, :ema_21, :rsi_14, :macd,"
            + " :macd_signal, :macd_histogram, :atr_14, :bollinger_upper, :bollinger_middle, :bollinger_lower, :vwap, :stochastic_k,"
            + " :stochastic_d, :volume_ratio, :signal_score, :signal)"
            + " on conflict (security_id, bar_time, timeframe) do nothing";

    /** For the batch: JdbcClient has none, the template's batchUpdate sends every row in one JDBC batch. */
    private final NamedParameterJdbcTemplate batches;

    public TechnicalRepository(NamedParameterJdbcTemplate jdbc) {
        this.batches = jdbc;
    }

    /** Stores every reading of {@code technical} under its cycle, in one batch; an indicator not yet defined (NaN) as null. */
    public void record(TechnicalResponse technical) {
        SqlParameterSource[] rows = technical.readings().stream().map(r -> new MapSqlParameterSource()
                .addValue("cycle_id", technical.cycleId())
                .addValue("symbol", r.symbol())
                .addValue("bar_time", Timestamp.from(r.barTime()))
                .addValue("sma_20", finite(r.sma20()))
                .addValue("ema_9", finite(r.ema9()))
                .addValue("ema_21", finite(r.ema21()))
                .addValue("rsi_14", finite(r.rsi()))
                .addValue("macd", finite(r.macd()))
                .addValue("macd_signal", finite(r.macdSignal()))
                .addValue("macd_histogram", finite(r.macdHistogram()))
                .addValue("atr_14", finite(r.atr()))
                .addValue("bollinger_upper", finite(r.bollingerUpper()))
                .addValue("bollinger_middle", finite(r.bollingerMiddle()))
                .addValue("bollinger_lower", finite(r.bollingerLower()))
                .addValue("vwap", finite(r.vwap()))
                .addValue("stochastic_k", finite(r.stochasticK()))
                .addValue("stochastic_d", finite(r.stochasticD()))
                .addValue("volume_ratio", finite(r.volumeRatio()))
                .addValue("signal_score", r.signalScore())
                .addValue("signal", r.signal()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, rows);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
