package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A trader's market order is judged at the market's price: the entry price the client sends sizes and limits nothing. */
class RiskCheckTest {

    private static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.25"), new BigDecimal("5"),
            new BigDecimal("2000"), 2.0, 2.0);
    private static final Portfolio FLAT = new Portfolio(new BigDecimal("100000"), new BigDecimal("100000"), 0, Set.of(), BigDecimal.ZERO);
    private static final BigDecimal LAST = new BigDecimal("40.00");

    private final RiskManager manager = new RiskManager(LIMITS);

    private RiskDecision judge(RiskCheck check) {
        return manager.evaluate(new RiskRequest(null, 1.0, List.of(check.proposal(LAST, 0.5))), FLAT).decisions().get(0);
    }

    @Test
    void aMarketOrderIsJudgedAtTheLastPriceWhateverEntryPriceTheClientSends() {
        RiskDecision honest = judge(new RiskCheck("AAA", "buy", LAST, null, null));
        RiskDecision lowball = judge(new RiskCheck("AAA", "buy", new BigDecimal("1.00"), null, null));
        RiskDecision none = judge(new RiskCheck("AAA", "buy", null, null, null, "market", null));

        assertThat(lowball.entryPrice()).isEqualByComparingTo("40.00");
        assertThat(lowball.approvedQuantity()).isEqualTo(honest.approvedQuantity());
        assertThat(lowball.stopPrice()).isEqualByComparingTo(honest.stopPrice());
        assertThat(none.approvedQuantity()).isEqualTo(honest.approvedQuantity());
        // 25 % of 100,000 at 40 is 625 shares at most: a client price of 1.00 would have bought 25,000
        assertThat(lowball.approvedQuantity()).isLessThanOrEqualTo(625);
    }

    @Test
    void aClientPriceCannotLiftAMarketOrderOverTheMinimumPrice() {
        RiskDecision cheap = manager.evaluate(new RiskRequest(null, 1.0, List.of(new RiskCheck("PENNY", "buy", new BigDecimal("50"), null, 10)
                .proposal(new BigDecimal("2.00"), 0.05))), FLAT).decisions().get(0);

        assertThat(cheap.verdict()).isEqualTo("rejected");
        assertThat(cheap.reason()).contains("below the minimum price 5");
    }

    @Test
    void aLimitOrderIsJudgedAtItsLimitNotAtTheClientsEntryPrice() {
        RiskCheck limit = new RiskCheck("AAA", "buy", new BigDecimal("1.00"), new BigDecimal("37.00"), 100, "limit", new BigDecimal("39.50"));

        assertThat(limit.judgedPrice(LAST)).isEqualByComparingTo("39.50");
        assertThat(judge(limit).entryPrice()).isEqualByComparingTo("39.50");
        assertThat(judge(limit).riskAmount()).isEqualByComparingTo("250.00"); // (39.50 - 37.00) × 100
    }
}
