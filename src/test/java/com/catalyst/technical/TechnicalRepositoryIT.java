package com.catalyst.technical;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TechnicalRepository on the real PostgreSQL, the schema migrated as the application migrates it: each reading one row
 * of the 1-minute timeframe with every indicator in its column, an indicator still warming up (NaN) stored as null, and
 * a symbol's bar stored once however many cycles read it. No Spring context.
 */
class TechnicalRepositoryIT {

    static final Instant BAR = Instant.parse("2026-01-06T15:30:00Z");

    private JdbcClient jdbc;
    private TechnicalRepository technical;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_technical_repository");
        jdbc = JdbcClient.create(source);
        technical = new TechnicalRepository(new NamedParameterJdbcTemplate(source));
    }

    private static TechnicalReading reading(String symbol, Instant bar, double sma20) {
        return new TechnicalReading(symbol, bar, 20.0, 58.5, 0.12, 0.08, 0.04, sma20, 19.9, 19.7, 0.35, 20.6, 20.0, 19.4, 19.95, 71.2,
                66.4, 1.85, 74.5, "BUY", true, null);
    }

    private Map<String, Object> row(String symbol, Instant bar) {
        return jdbc.sql("select t.* from technical_indicators t join securities s using (security_id)"
                + " where s.symbol = :symbol and t.bar_time = :bar").param("symbol", symbol).param("bar", Timestamp.from(bar)).query().singleRow();
    }

    @Test
    void eachReadingIsOneRowWithEveryIndicatorInItsColumn() {
        technical.record(new TechnicalResponse("20260106-001", List.of(reading("ACME", BAR, 19.8), reading("BOLT", BAR, 41.0)),
                Map.of("SLOW", "not enough bars")));

        Map<String, Object> acme = row("ACME", BAR);
        assertThat(acme).containsEntry("cycle_id", "20260106-001").containsEntry("timeframe", "1min").containsEntry("signal", "BUY");
        Map<String, String> expected = Map.ofEntries(Map.entry("sma_20", "19.8"), Map.entry("ema_9", "19.9"), Map.entry("ema_21", "19.7"),
                Map.entry("rsi_14", "58.5"), Map.entry("macd", "0.12"), Map.entry("macd_signal", "0.08"),
                Map.entry("macd_histogram", "0.04"), Map.entry("atr_14", "0.35"), Map.entry("bollinger_upper", "20.6"),
                Map.entry("bollinger_middle", "20.0"), Map.entry("bollinger_lower", "19.4"), Map.entry("vwap", "19.95"),
                Map.entry("stochastic_k", "71.2"), Map.entry("stochastic_d", "66.4"), Map.entry("volume_ratio", "1.85"),
                Map.entry("signal_score", "74.5"));
        expected.forEach((column, value) -> assertThat((BigDecimal) acme.get(column)).as(column).isEqualByComparingTo(value));
        assertThat((BigDecimal) row("BOLT", BAR).get("sma_20")).isEqualByComparingTo("41.0");
        assertThat(jdbc.sql("select count(*) from technical_indicators").query(Integer.class).single()).as("a skipped symbol has no row")
                .isEqualTo(2);
    }

    @Test
    void anIndicatorStillWarmingUpIsStoredAsNull() {
        technical.record(new TechnicalResponse("20260106-001", List.of(reading("ACME", BAR, Double.NaN)), Map.of()));

        Map<String, Object> acme = row("ACME", BAR);
        assertThat(acme.get("sma_20")).isNull();
        assertThat((BigDecimal) acme.get("ema_9")).isEqualByComparingTo("19.9");
    }

    @Test
    void aSymbolsBarIsStoredOnceHoweverManyCyclesReadIt() {
        technical.record(new TechnicalResponse("20260106-001", List.of(reading("ACME", BAR, 19.8)), Map.of()));
        // the next cycle within the same minute reads the same bar (other values or not), and the next minute a new one
        technical.record(new TechnicalResponse("20260106-002", List.of(reading("ACME", BAR, 19.9), reading("ACME", BAR.plusSeconds(60), 19.9)),
                Map.of()));

        assertThat(row("ACME", BAR)).containsEntry("cycle_id", "20260106-001");
        assertThat((BigDecimal) row("ACME", BAR).get("sma_20")).isEqualByComparingTo("19.8");
        assertThat(row("ACME", BAR.plusSeconds(60))).containsEntry("cycle_id", "20260106-002");
    }
}
