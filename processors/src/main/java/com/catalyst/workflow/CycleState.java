package com.catalyst.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.pattern.PatternFinding;
import com.catalyst.risk.RiskDecision;
import com.catalyst.scanner.ScanCandidate;
import com.catalyst.technical.TechnicalReading;
import com.catalyst.trading.OrderOutcome;

/**
 * What one trading cycle has learned so far, carried by the workflow route from step to step. Mutable on purpose:
 * it lives in one exchange, on one thread, for one cycle.
 */
public final class CycleState {

    public final String cycleId;
    public final TradingMode mode;
    public final LocalDate sessionDate;
    public final Instant asOf;
    public final long minutesToClose;
    public final Instant startedAt;
    public final Map<String, Long> stepMillis = new LinkedHashMap<>();

    public int scanned;
    public List<ScanCandidate> candidates = new ArrayList<>();
    public String newsStatus = "pending";
    /** Symbols whose news was clearly one way (shorts on only): "bearish" allows only a short, "bullish" only a long. */
    public Map<String, String> newsDirection = new LinkedHashMap<>();
    public Map<String, PatternFinding> patterns = new LinkedHashMap<>();
    public Map<String, TechnicalReading> technicals = new LinkedHashMap<>();
    public List<ScanCandidate> afterNews = List.of();
    public List<ScanCandidate> afterPattern = List.of();
    public List<ScanCandidate> afterTechnical = List.of();
    public List<ScanCandidate> picks = List.of();
    public List<RiskDecision> decisions = List.of();
    public List<OrderOutcome> outcomes = new ArrayList<>();
    public String failureReason;

    public CycleState(String cycleId, TradingMode mode, LocalDate sessionDate, Instant asOf, long minutesToClose, Instant startedAt) {
        this.cycleId = cycleId;
        this.mode = mode;
        this.sessionDate = sessionDate;
        this.asOf = asOf;
        this.minutesToClose = minutesToClose;
        this.startedAt = startedAt;
    }

    public String cycleId() {
        return cycleId;
    }

    public TradingMode mode() {
        return mode;
    }

    public Instant asOf() {
        return asOf;
    }

    public long approvedCount() {
        return decisions.stream().filter(RiskDecision::tradeable).count();
    }

    public long placedCount() {
        return outcomes.stream().filter(o -> "entry".equals(o.kind()) && o.filledQuantity() > 0).count();
    }
}
