package com.catalyst.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.catalyst.routing.ErrorBodies.ConflictException;
import com.catalyst.trading.TradeRequest;
import com.catalyst.trading.WireId;
import org.springframework.stereotype.Component;

/**
 * The trading bundle's check that each decision it is asked to execute is one the risk bundle made and recorded: the
 * same cycle, symbol and side in {@code risk_decisions}, not rejected, for at least the quantity and with the same stop
 * and target. A decision that is not on record, or that differs from it, refuses the whole request (409) before any
 * order exists, so nothing reaches the broker without the risk bundle's decision (docs/security.md). What goes on carries
 * the recorded numbers, not the request's: a trailing-atr exit trails by the ATR risk recorded (ExitSettings).
 */
@Component("recordedDecisions")
public class RecordedDecisions {

    private final RiskRepository record;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public RecordedDecisions(RiskRepository record, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.record = record;
        this.json = json;
    }

    /** Passes the request on, with the recorded numbers, when every tradeable decision in it matches the record. */
    public TradeRequest require(TradeRequest request) {
        List<RiskDecision> checked = new java.util.ArrayList<>();
        for (RiskDecision decision : request.decisions()) {
            if (!decision.tradeable()) {
                checked.add(decision);
                continue;
            }
            Optional<RecordedDecision> recorded = record.recordedDecision(request.cycleId(), decision.symbol(), decision.side());
            String problem = recorded.isEmpty() ? "the risk bundle recorded no decision for it" : mismatch(decision, recorded.get());
            if (problem != null) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("cycle_id", request.cycleId());
                details.put("symbol", decision.symbol());
                details.put("side", WireId.idOf(decision.side()));
                throw new ConflictException("Not executed: " + decision.side() + " " + decision.symbol() + " in cycle " + request.cycleId()
                        + ": " + problem + ". Only decisions the risk bundle made reach the broker; ask risk again.", details);
            }
            checked.add(withRecordedNumbers(decision, recorded.get().numbers()));
        }
        return new TradeRequest(request.cycleId(), checked);
    }

    private RiskDecision withRecordedNumbers(RiskDecision d, String numbers) {
        Map<String, Object> recorded;
        try {
            recorded = numbers == null ? Map.of() : json.readValue(numbers, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("risk_decisions.numbers of " + d.symbol() + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return new RiskDecision(d.symbol(), d.side(), d.verdict(), d.requestedQuantity(), d.approvedQuantity(), d.entryPrice(), d.stopPrice(),
                d.targetPrice(), d.riskAmount(), d.patternType(), d.reason(), recorded);
    }

    private static String mismatch(RiskDecision decision, RecordedDecision recorded) {
        if (recorded.verdict() == Verdict.REJECTED) {
            return "the risk bundle rejected it";
        }
        int approved = recorded.approvedQuantity();
        if (decision.approvedQuantity() > approved) {
            return "the quantity " + decision.approvedQuantity() + " is more than the " + approved + " risk approved";
        }
        if (!same(decision.stopPrice(), recorded.stopPrice()) || !same(decision.targetPrice(), recorded.targetPrice())) {
            return "its stop or target differs from what risk approved";
        }
        return null;
    }

    private static boolean same(BigDecimal sent, BigDecimal recorded) {
        if (sent == null || recorded == null) {
            return sent == null && recorded == null;
        }
        // the record keeps prices to 4 decimals (NUMERIC(12, 4)), rounding half up as PostgreSQL does
        return sent.setScale(4, RoundingMode.HALF_UP).compareTo(recorded) == 0;
    }
}
