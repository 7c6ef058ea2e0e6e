package com.catalyst.routing;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.config.CatalystProperties;
import com.catalyst.desk.CycleDesk;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.news.NewsRequest;
import com.catalyst.pattern.PatternRequest;
import com.catalyst.scanner.ScanRequest;
import com.catalyst.technical.TechnicalRequest;
import com.catalyst.trading.OrderOutcome;
import com.catalyst.trading.TradeResponse;
import com.catalyst.workflow.TradingMode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Completes a bundle request that a trader sent by hand (no cycle, no session time) from the clock and the
 * current mode, and checks what it must hold; a cycle's requests arrive complete and pass through unchanged.
 */
@Component("requestDefaults")
public class RequestDefaults {

    private final TradingClock clock;
    private final MarketDataPort market;
    private final CatalystProperties props;
    private final CycleDesk cycles;
    private final ObjectMapper json;

    public RequestDefaults(TradingClock clock, MarketDataPort market, CatalystProperties props, CycleDesk cycles, ObjectMapper json) {
        this.clock = clock;
        this.market = market;
        this.props = props;
        this.cycles = cycles;
        this.json = json;
    }

    public ScanRequest scan(ScanRequest r) {
        int limit = r.limit() == 0 ? props.scanner().topCandidates() : r.limit();
        if (limit < 1 || limit > 1000) {
            throw new ErrorBodies.FieldException("limit", "'limit' must be between 1 and 1000, got " + limit);
        }
        return new ScanRequest(r.cycleId(), r.sessionDate() == null ? clock.sessionDate() : r.sessionDate(),
                r.asOf() == null ? clock.now() : r.asOf(), limit);
    }

    public NewsRequest news(NewsRequest r) {
        requireSymbols(r.symbols());
        return new NewsRequest(r.cycleId(), r.asOf() == null ? clock.now() : r.asOf(), r.symbols());
    }

    public PatternRequest pattern(PatternRequest r) {
        requireSymbols(r.symbols());
        double min = r.minConfidence() == 0 ? TradingMode.of(cycles.mode()).patternMinConfidence() : r.minConfidence();
        if (min < 0 || min > 1) {
            throw new ErrorBodies.FieldException("min_confidence", "'min_confidence' must be within 0–1, got " + min);
        }
        return new PatternRequest(r.cycleId(), r.sessionDate() == null ? clock.sessionDate() : r.sessionDate(),
                r.asOf() == null ? clock.now() : r.asOf(), r.symbols(), min);
    }

    public TechnicalRequest technical(TechnicalRequest r) {
        requireSymbols(r.symbols());
        TradingMode mode = TradingMode.of(cycles.mode());
        boolean band = r.rsiLow() != 0 || r.rsiHigh() != 0;
        if (band && !(0 <= r.rsiLow() && r.rsiLow() < r.rsiHigh() && r.rsiHigh() <= 100)) {
            throw new ErrorBodies.FieldException("rsi_low", "RSI band must satisfy 0 ≤ rsi_low < rsi_high ≤ 100, got "
                    + r.rsiLow() + "–" + r.rsiHigh());
        }
        return new TechnicalRequest(r.cycleId(), r.sessionDate() == null ? clock.sessionDate() : r.sessionDate(),
                r.asOf() == null ? clock.now() : r.asOf(), r.symbols(),
                band ? r.rsiLow() : mode.rsiLow(), band ? r.rsiHigh() : mode.rsiHigh());
    }

    /** A one-symbol pattern request, as JSON, for {@code GET /api/v1/pattern/{symbol}}. */
    public String patternFor(String symbol) throws JsonProcessingException {
        return json.writeValueAsString(new PatternRequest(null, null, null, List.of(symbol), 0));
    }

    /** A one-symbol technical request, as JSON, for {@code GET /api/v1/technical/{symbol}}. */
    public String technicalFor(String symbol) throws JsonProcessingException {
        return json.writeValueAsString(new TechnicalRequest(null, null, null, List.of(symbol), 0, 100));
    }

    /** The LIKE pattern that matches every cycle of the same day as {@code cycleId}. */
    public String dayPattern(String cycleId) {
        return cycleId == null || cycleId.length() < 8 ? clock.sessionDate().format(DateTimeFormatter.BASIC_ISO_DATE) + "-%"
                : cycleId.substring(0, 8) + "-%";
    }

    /** The session day of {@code cycleId} (its first eight characters), or the clock's for a request with no cycle. */
    public java.sql.Date sessionDay(String cycleId) {
        return java.sql.Date.valueOf(cycleId == null || cycleId.length() < 8 ? clock.sessionDate()
                : java.time.LocalDate.parse(cycleId.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
    }

    public TradeResponse tradeResponse(String cycleId, List<?> outcomes) {
        return new TradeResponse(cycleId, outcomes.stream().filter(OrderOutcome.class::isInstance).map(OrderOutcome.class::cast).toList());
    }

    public List<Map<String, Object>> securityRows() {
        return market.universe().stream().map(s -> {
            Map<String, Object> row = new HashMap<>();
            row.put("symbol", s.symbol());
            row.put("name", s.name());
            row.put("sector_id", s.sectorId() >= 1 && s.sectorId() <= 11 ? s.sectorId() : null);
            row.put("exchange", s.exchange());
            return row;
        }).toList();
    }

    public int universeSize() {
        return market.universe().size();
    }

    private static void requireSymbols(List<String> symbols) {
        if (symbols == null) {
            throw new ErrorBodies.FieldException("symbols", "'symbols' is required: a list of tickers");
        }
        for (String s : symbols) {
            if (s == null || !s.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new ErrorBodies.FieldException("symbols", "'symbols' holds an invalid ticker: '" + s + "'");
            }
        }
    }
}
