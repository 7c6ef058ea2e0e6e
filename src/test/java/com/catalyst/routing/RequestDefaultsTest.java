package com.catalyst.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.TradeProposal;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.trading.TradeRequest;
import com.catalyst.workflow.CycleSummary;
import com.catalyst.trading.PositionSide;
import com.catalyst.risk.Verdict;
import org.junit.jupiter.api.Test;

/** The checks of a bundle request taken over HTTP (evaluate, execute, manage, cycle report); none needs the clock or the market. */
class RequestDefaultsTest {

    private final RequestDefaults defaults = new RequestDefaults(null, null, null, null, null);

    private static TradeProposal proposal(String symbol, String entry, double atr) {
        return new TradeProposal(symbol, "long", entry == null ? null : new BigDecimal(entry), atr, "bull_flag", 0.8);
    }

    private static void assertField(Runnable check, String field) {
        assertThatThrownBy(check::run).isInstanceOf(FieldException.class).satisfies(e -> assertThat(((FieldException) e).field()).isEqualTo(field));
    }

    @Test
    void aCyclesProposalsPass() {
        RiskRequest request = new RiskRequest("20260106-001", 1.0, List.of(proposal("AAPL", "50.10", 0.4), proposal("BRK.B", "400", Double.NaN)));

        assertThat(defaults.evaluation(request)).isSameAs(request);
    }

    @Test
    void halfFormedProposalsAreRefusedNamingTheField() {
        assertField(() -> defaults.evaluation(null), "body");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 1, null)), "proposals");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 0, List.of())), "size_multiplier");
        assertField(() -> defaults.evaluation(new RiskRequest(null, Double.NaN, List.of())), "size_multiplier");
        assertField(() -> defaults.evaluation(new RiskRequest("x", 1, List.of())), "cycle_id");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 1, Arrays.asList((TradeProposal) null))), "proposals[0]");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 1, List.of(proposal(null, "50", 1)))), "proposals[0].symbol");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 1, List.of(proposal("AAPL", null, 1)))), "proposals[0].entry_price");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 1, List.of(proposal("AAPL", "-1", 1)))), "proposals[0].entry_price");
        assertField(() -> defaults.evaluation(new RiskRequest(null, 1, List.of(proposal("AAPL", "50", -1)))), "proposals[0].atr");
    }

    private static RiskDecision decision(String symbol, Verdict verdict, int quantity, String entry) {
        BigDecimal price = entry == null ? null : new BigDecimal(entry);
        return new RiskDecision(symbol, PositionSide.LONG, verdict, quantity, quantity, price, price == null ? null : price.subtract(BigDecimal.ONE),
                price == null ? null : price.add(BigDecimal.TEN), BigDecimal.TEN, "bull_flag", "ok", Map.of());
    }

    @Test
    void tradeRequestsAreCheckedBeforeAnyOrderIsPlanned() {
        assertThat(defaults.trade(new TradeRequest("20260106-001", List.of(decision("AAPL", Verdict.APPROVED, 10, "50"))))).isNotNull();
        assertThat(defaults.trade(new TradeRequest("20260106-001", List.of(decision("AAPL", Verdict.REJECTED, 0, null))))).isNotNull();
        assertField(() -> defaults.trade(new TradeRequest(null, null)), "decisions");
        assertField(() -> defaults.trade(new TradeRequest(null, List.of(decision("AAPL", null, 10, "50")))), "decisions[0].verdict");
        assertField(() -> defaults.trade(new TradeRequest(null, List.of(decision("AAPL", Verdict.APPROVED, -5, "50")))), "decisions[0].approved_quantity");
        assertField(() -> defaults.trade(new TradeRequest(null, List.of(decision("AAPL", Verdict.APPROVED, 10, null)))), "decisions[0].entry_price");
    }

    @Test
    void theManageStepAndTheCycleReportNeedTheirCycle() {
        assertThat(defaults.cycle("20260106-001")).isEqualTo("20260106-001");
        assertThat(defaults.cycle(null)).as("a manage step outside any cycle").isNull();
        assertField(() -> defaults.cycle("x"), "cycle_id");
        CycleSummary summary = new CycleSummary("20260106-001", "normal", "completed", LocalDate.of(2026, 1, 6), null, null, 10, 500, 100, 35,
                20, 10, 4, 4, 4, "ok", List.of(), List.of(), Map.of(), null);
        assertThat(defaults.cycleReport(summary)).isSameAs(summary);
        assertField(() -> defaults.cycleReport(null), "body");
        assertField(() -> defaults.cycleReport(new CycleSummary(null, null, null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null,
                null, null)), "cycle_id");
    }
}
