package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.catalyst.trading.PositionSide;
/**
 * A trader's market order is judged at the market's price: the entry price the client sends sizes and limits nothing.
 * A trader's short (side short) is judged as the cycle's shorts are: stop above, target below, the short limits.
 */
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

        assertThat(cheap.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(cheap.reason()).contains("below the minimum price 5");
    }

    @Test
    void aLimitOrderIsJudgedAtItsLimitNotAtTheClientsEntryPrice() {
        RiskCheck limit = new RiskCheck("AAA", "buy", new BigDecimal("1.00"), new BigDecimal("37.00"), 100, "limit", new BigDecimal("39.50"));

        assertThat(limit.judgedPrice(LAST)).isEqualByComparingTo("39.50");
        assertThat(judge(limit).entryPrice()).isEqualByComparingTo("39.50");
        assertThat(judge(limit).riskAmount()).isEqualByComparingTo("250.00"); // (39.50 - 37.00) × 100
    }

    // the short limits tighter than the long ones, so that a cut by them shows: one short 5 % of equity, all shorts 10 %
    private static final RiskLimits SHORT_LIMITS = new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.25"), new BigDecimal("5"),
            new BigDecimal("2000"), 2.0, 2.0, BigDecimal.ONE, 0, 0, new BigDecimal("0.10"), new BigDecimal("0.05"));
    private final RiskManager shorts = new RiskManager(SHORT_LIMITS, SessionTime::midSession, true);

    private RiskDecision judgeShort(RiskCheck check, Portfolio portfolio) {
        return shorts.evaluate(new RiskRequest(null, 1.0, List.of(check.proposal(LAST, 0.5))), portfolio).decisions().get(0);
    }

    @Test
    void aTradersShortIsAShortProposalWhateverCaseItIsSentIn() {
        assertThat(new RiskCheck("AAA", " Short ", null, null, null).proposal(LAST, 0.5).side()).isEqualTo("short");
        assertThat(new RiskCheck("AAA", "buy", null, null, null).proposal(LAST, 0.5).side()).isEqualTo("long");
        assertThat(new RiskCheck("AAA", "long", null, null, null).proposal(LAST, 0.5).side()).isEqualTo("long");
    }

    @Test
    void aTradersShortHasItsStopAboveAndItsTargetBelowAndIsCutToTheShortPositionLimit() {
        RiskDecision d = judgeShort(new RiskCheck("AAA", "short", null, new BigDecimal("41.00"), null), FLAT);

        assertThat(d.side()).isEqualTo(PositionSide.SHORT);
        assertThat(d.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(d.entryPrice()).isEqualByComparingTo(LAST);
        assertThat(d.stopPrice()).isEqualByComparingTo("41.00");
        // the reward-to-risk multiple of the stop distance below the entry
        assertThat(d.targetPrice()).isEqualByComparingTo(LAST.subtract(new BigDecimal("41.00").subtract(LAST).multiply(BigDecimal.valueOf(2))));
        // the risk budget (1,000 at a 1.00 stop distance) and the position share (25 %) allow more: the short's 5 % cuts it
        int byShortShare = FLAT.equity().multiply(SHORT_LIMITS.maxShortPositionShare()).divide(LAST, 0, java.math.RoundingMode.DOWN).intValue();
        assertThat(d.approvedQuantity()).isEqualTo(byShortShare);
        assertThat(d.reason()).contains("short position value capped at 5% of equity");
    }

    @Test
    void aTradersShortFitsUnderTheShortExposureTheOpenShortsLeave() {
        Portfolio alreadyShort = new Portfolio(new BigDecimal("100000"), new BigDecimal("100000"), 1, Set.of("BBB"), BigDecimal.ZERO,
                new BigDecimal("8000"), new BigDecimal("8000"));

        RiskDecision d = judgeShort(new RiskCheck("AAA", "short", null, new BigDecimal("41.00"), 500), alreadyShort);

        // 10 % of equity for all shorts less the 8,000 open leaves 2,000: 50 shares at 40
        BigDecimal room = alreadyShort.equity().multiply(SHORT_LIMITS.maxShortExposureShare()).subtract(alreadyShort.shortExposure());
        assertThat(d.approvedQuantity()).isEqualTo(room.divide(LAST, 0, java.math.RoundingMode.DOWN).intValue());
        assertThat(d.reason()).contains("short exposure capped at 10% of equity");
    }

    @Test
    void aTradersShortWithoutAStopGetsTheAtrStopAboveTheEntry() {
        RiskDecision d = judgeShort(new RiskCheck("AAA", "short", null, null, 10), FLAT);

        assertThat(d.verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(d.stopPrice()).isGreaterThan(LAST);
        assertThat(d.targetPrice()).isLessThan(LAST);
        assertThat(d.approvedQuantity()).isEqualTo(10);
    }

    @Test
    void aTradersShortWhileShortsAreOffIsRefusedNamingTheSetting() {
        RiskDecision d = judge(new RiskCheck("AAA", "short", null, new BigDecimal("41.00"), 10));

        assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(d.approvedQuantity()).isZero();
        assertThat(d.reason()).contains("catalyst.trading.allow-short");
    }
}
