package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Entry orders that may still fill count toward open positions, exposure and buying power as if they had filled. */
class PortfolioTest {

    private static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("0.01"), 3, new BigDecimal("0.25"), new BigDecimal("5"),
            new BigDecimal("2000"), 2.0, 2.0, new BigDecimal("0.50"), 0, 0);
    private static final BigDecimal EQUITY = new BigDecimal("100000");

    private final RiskManager manager = new RiskManager(LIMITS);

    private static Portfolio holding(String... symbols) {
        return new Portfolio(EQUITY, EQUITY, symbols.length, Set.of(symbols), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private RiskDecision judge(Portfolio portfolio, String symbol) {
        TradeProposal p = new TradeProposal(symbol, "long", new BigDecimal("20.00"), 0.5, "manual", 0);
        return manager.evaluate(new RiskRequest(null, 1.0, List.of(p)), portfolio).decisions().get(0);
    }

    @Test
    void workingOrdersAddOpenPositionsExposureAndUseBuyingPower() {
        Portfolio p = holding("AAA").withWorking(List.of(new WorkingOrder("o-1", "BBB", 100, new BigDecimal("50.00")),
                new WorkingOrder("o-2", "AAA", 10, new BigDecimal("20.00"))));

        assertThat(p.openPositions()).isEqualTo(2); // AAA is held already; BBB is new
        assertThat(p.openSymbols()).containsExactlyInAnyOrder("AAA", "BBB");
        assertThat(p.exposure()).isEqualByComparingTo("5200.00");
        assertThat(p.buyingPower()).isEqualByComparingTo("94800.00");
    }

    @Test
    void workingOrdersCountTowardTheMaximumOpenPositions() {
        Portfolio two = holding("AAA", "BBB");
        assertThat(judge(two, "DDD").tradeable()).isTrue();

        RiskDecision d = judge(two.withWorking(List.of(new WorkingOrder("o-1", "CCC", 10, new BigDecimal("30")))), "DDD");

        assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(d.reason()).contains("open positions 3 reached the maximum 3").contains("working entry orders count");
    }

    @Test
    void aWorkingOrderInTheSymbolRefusesASecondEntry() {
        RiskDecision d = judge(holding().withWorking(List.of(new WorkingOrder("o-1", "AAA", 10, new BigDecimal("20")))), "AAA");

        assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(d.reason()).contains("AAA is already open");
    }

    @Test
    void workingOrdersUseUpTheTotalExposureLimit() {
        // exposure limit 50 % of 100,000 = 50,000; a working 2,000 × 24 = 48,000 leaves 2,000: 100 shares at 20
        RiskDecision d = judge(holding().withWorking(List.of(new WorkingOrder("o-1", "BBB", 2000, new BigDecimal("24")))), "AAA");

        assertThat(d.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(d.approvedQuantity()).isEqualTo(100);
        assertThat(d.reason()).contains("total exposure capped");
    }
}
