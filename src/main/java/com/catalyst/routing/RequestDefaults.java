package com.catalyst.routing;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.catalyst.config.CatalystProperties;
import com.catalyst.workflow.CycleDesk;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.news.NewsRequest;
import com.catalyst.pattern.PatternRequest;
import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.TradeProposal;
import com.catalyst.scanner.ScanRequest;
import com.catalyst.technical.TechnicalRequest;
import com.catalyst.trading.OrderOutcome;
import com.catalyst.trading.TradeRequest;
import com.catalyst.trading.TradeResponse;
import com.catalyst.workflow.CycleSummary;
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
        requireBody(r);
        int limit = r.limit() == 0 ? props.scanner().topCandidates() : r.limit();
        if (limit < 1 || limit > 1000) {
            throw new ErrorBodies.FieldException("limit", "'limit' must be between 1 and 1000, got " + limit);
        }
        return new ScanRequest(r.cycleId(), r.sessionDate() == null ? clock.sessionDate() : r.sessionDate(),
                r.asOf() == null ? clock.now() : r.asOf(), limit);
    }

    public NewsRequest news(NewsRequest r) {
        requireBody(r);
        requireSymbols(r.symbols());
        return new NewsRequest(r.cycleId(), r.asOf() == null ? clock.now() : r.asOf(), r.symbols());
    }

    public PatternRequest pattern(PatternRequest r) {
        requireBody(r);
        requireSymbols(r.symbols());
        double min = r.minConfidence() == 0 ? TradingMode.of(cycles.mode()).patternMinConfidence() : r.minConfidence();
        if (!(min >= 0 && min <= 1)) {
            throw new ErrorBodies.FieldException("min_confidence", "'min_confidence' must be within 0–1, got " + min);
        }
        return new PatternRequest(r.cycleId(), r.sessionDate() == null ? clock.sessionDate() : r.sessionDate(),
                r.asOf() == null ? clock.now() : r.asOf(), r.symbols(), min);
    }

    public TechnicalRequest technical(TechnicalRequest r) {
        requireBody(r);
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

    /** The session day of {@code cycleId} (its first eight characters), or the clock's for a request with no cycle. */
    public java.time.LocalDate sessionDay(String cycleId) {
        return cycleId == null || cycleId.length() < 8 ? clock.sessionDate()
                : java.time.LocalDate.parse(cycleId.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
    }

    public TradeResponse tradeResponse(String cycleId, List<?> outcomes) {
        return new TradeResponse(cycleId, outcomes.stream().filter(OrderOutcome.class::isInstance).map(OrderOutcome.class::cast).toList());
    }

    /** The market's universe, which scanner-sync-securities registers in the securities master. */
    public List<MarketDataPort.SecurityInfo> universe() {
        return market.universe();
    }

    public int universeSize() {
        return market.universe().size();
    }

    /**
     * A cycle's proposals as the risk bundle takes them over HTTP: each named, priced and bounded, so that no
     * proposal reaches the risk manager's arithmetic or the record half-formed.
     */
    public RiskRequest evaluation(RiskRequest r) {
        requireBody(r);
        cycleId(r.cycleId());
        if (!(r.sizeMultiplier() > 0 && r.sizeMultiplier() <= 10)) {
            throw new ErrorBodies.FieldException("size_multiplier", "'size_multiplier' must be above 0 and at most 10, got " + r.sizeMultiplier());
        }
        if (r.proposals() == null) {
            throw new ErrorBodies.FieldException("proposals", "'proposals' is required: a list of trade proposals");
        }
        for (int i = 0; i < r.proposals().size(); i++) {
            TradeProposal p = r.proposals().get(i);
            String at = "proposals[" + i + "]";
            if (p == null) {
                throw new ErrorBodies.FieldException(at, "'" + at + "' must be a proposal object, got null");
            }
            ticker(at + ".symbol", p.symbol());
            // a short is judged by risk, which refuses it while catalyst.trading.allow-short is off
            if (!"long".equals(p.side()) && !"buy".equals(p.side()) && !"short".equals(p.side())) {
                throw new ErrorBodies.FieldException(at + ".side", "'" + at + ".side' must be long or short, got '" + p.side() + "'");
            }
            positivePrice(at + ".entry_price", p.entryPrice());
            if (p.stopPrice() != null) {
                positivePrice(at + ".stop_price", p.stopPrice());
            }
            // NaN is how a proposal says it has no ATR yet (the risk manager then refuses it); anything else must be sane
            if (!Double.isNaN(p.atr()) && !(p.atr() >= 0 && p.atr() < 1_000_000)) {
                throw new ErrorBodies.FieldException(at + ".atr", "'" + at + ".atr' must be 0 or more, got " + p.atr());
            }
            if (!(Math.abs(p.score()) <= 1_000_000)) {
                throw new ErrorBodies.FieldException(at + ".score", "'" + at + ".score' must be a finite score, got " + p.score());
            }
            if (p.quantity() != null && (p.quantity() < 1 || p.quantity() > MAX_QUANTITY)) {
                throw new ErrorBodies.FieldException(at + ".quantity", "'" + at + ".quantity' must be 1 to " + MAX_QUANTITY + ", got " + p.quantity());
            }
        }
        return r;
    }

    /** A cycle's risk decisions as the trading bundle takes them over HTTP: named, sized and priced. */
    public TradeRequest trade(TradeRequest r) {
        requireBody(r);
        cycleId(r.cycleId());
        if (r.decisions() == null) {
            throw new ErrorBodies.FieldException("decisions", "'decisions' is required: a list of risk decisions");
        }
        for (int i = 0; i < r.decisions().size(); i++) {
            RiskDecision d = r.decisions().get(i);
            String at = "decisions[" + i + "]";
            if (d == null) {
                throw new ErrorBodies.FieldException(at, "'" + at + "' must be a decision object, got null");
            }
            ticker(at + ".symbol", d.symbol());
            // a verdict other than these three is refused as the body is read (Verdict.of)
            if (d.verdict() == null) {
                throw new ErrorBodies.FieldException(at + ".verdict", "'" + at + ".verdict' must be approved, resized or rejected, got '"
                        + d.verdict() + "'");
            }
            if (d.approvedQuantity() < 0 || d.requestedQuantity() < 0) {
                throw new ErrorBodies.FieldException(at + ".approved_quantity", "'" + at + ".approved_quantity' and requested_quantity must be 0 or more");
            }
            if (d.tradeable()) {
                positivePrice(at + ".entry_price", d.entryPrice());
                positivePrice(at + ".stop_price", d.stopPrice());
                positivePrice(at + ".target_price", d.targetPrice());
            }
        }
        return r;
    }

    /**
     * The cycle a manage step runs for: the body of POST /api/v1/trading/manage is the cycle id as a JSON string, or
     * null for a manage step outside any cycle.
     */
    public String cycle(String cycleId) {
        cycleId(cycleId);
        return cycleId;
    }

    /** A cycle's summary as the reporting bundle takes it over HTTP: the cycle and its session day at least. */
    public CycleSummary cycleReport(CycleSummary s) {
        requireBody(s);
        if (s.cycleId() == null) {
            throw new ErrorBodies.FieldException("cycle_id", "'cycle_id' is required");
        }
        cycleId(s.cycleId());
        if (s.sessionDate() == null) {
            throw new ErrorBodies.FieldException("session_date", "'session_date' is required (YYYY-MM-DD)");
        }
        if (s.status() == null || !List.of("completed", "failed").contains(s.status())) {
            throw new ErrorBodies.FieldException("status", "'status' must be completed or failed, got '" + s.status() + "'");
        }
        if (s.placed() < 0 || s.approved() < 0 || s.durationMs() < 0) {
            throw new ErrorBodies.FieldException("placed", "'placed', 'approved' and 'duration_ms' must be 0 or more");
        }
        return s;
    }

    private static final int MAX_QUANTITY = 1_000_000;
    private static final java.util.regex.Pattern CYCLE_ID = java.util.regex.Pattern.compile("\\d{8}-\\d{3,6}");

    private static void requireBody(Object request) {
        if (request == null) {
            throw new ErrorBodies.FieldException("body", "a JSON object is required");
        }
    }

    private static void cycleId(String cycleId) {
        if (cycleId != null && !CYCLE_ID.matcher(cycleId).matches()) {
            throw new ErrorBodies.FieldException("cycle_id", "'cycle_id' must look like YYYYMMDD-NNN, got '" + shortened(cycleId) + "'");
        }
    }

    private static void ticker(String field, String symbol) {
        if (symbol == null || !symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
            throw new ErrorBodies.FieldException(field, "'" + field + "' must be a ticker, got '" + shortened(String.valueOf(symbol)) + "'");
        }
    }

    private static void positivePrice(String field, java.math.BigDecimal price) {
        if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
            throw new ErrorBodies.FieldException(field, "'" + field + "' must be a price above 0 and at most " + MAX_PRICE + ", got " + price);
        }
    }

    private static final java.math.BigDecimal MAX_PRICE = java.math.BigDecimal.valueOf(1_000_000);

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static void requireSymbols(List<String> symbols) {
        if (symbols == null) {
            throw new ErrorBodies.FieldException("symbols", "'symbols' is required: a list of tickers");
        }
        for (String s : symbols) {
            if (s == null || !s.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new ErrorBodies.FieldException("symbols", "'symbols' holds an invalid ticker: '" + shortened(String.valueOf(s)) + "'");
            }
        }
    }
}
