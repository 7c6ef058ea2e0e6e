package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.catalyst.trading.PositionSide;
class RiskManagerTest {

    private static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.25"), new BigDecimal("5"),
            new BigDecimal("2000"), 2.0, 2.0);
    private static final BigDecimal EQUITY = new BigDecimal("100000");

    private final RiskManager manager = new RiskManager(LIMITS);

    private static Portfolio portfolio(String buyingPower, int open, Set<String> held, String realized) {
        return new Portfolio(EQUITY, new BigDecimal(buyingPower), open, held, new BigDecimal(realized));
    }

    private static Portfolio flat() {
        return portfolio("100000", 0, Set.of(), "0");
    }

    private static TradeProposal longAt(String symbol, String entry, double atr) {
        return new TradeProposal(symbol, "long", new BigDecimal(entry), atr, "bull_flag", 80);
    }

    private List<RiskDecision> evaluate(Portfolio portfolio, double multiplier, TradeProposal... proposals) {
        return manager.evaluate(new RiskRequest("c-1", multiplier, List.of(proposals)), portfolio).decisions();
    }

    private RiskDecision one(Portfolio portfolio, TradeProposal proposal) {
        return evaluate(portfolio, 1.0, proposal).get(0);
    }

    @Test
    void sizesFromTheStopDistanceSoTheStopLosesTheRiskBudget() {
        // 2 × ATR 0.50 = 1.00, which is 5 % of 20: stop 19.00; 1 % of 100,000 = 1,000 at risk → 1,000 shares
        RiskDecision d = one(flat(), longAt("AAA", "20.00", 0.5));
        assertThat(d.verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(d.tradeable()).isTrue();
        assertThat(d.stopPrice()).isEqualByComparingTo("19.00");
        assertThat(d.targetPrice()).isEqualByComparingTo("22.00"); // entry + 2 × 1.00
        assertThat(d.requestedQuantity()).isEqualTo(1000);
        assertThat(d.approvedQuantity()).isEqualTo(1000);
        assertThat(d.riskAmount()).isEqualByComparingTo("1000.00");
        assertThat(d.patternType()).isEqualTo("bull_flag");
        assertThat(d.reason()).startsWith("within limits");
    }

    @Test
    void quantityIsRoundedDownNeverUp() {
        // stop distance 0.90 (2 × 0.45, 4.5 % of 20): 1,000 / 0.90 = 1,111.1 → 1,111 shares (22,220, inside the 25 % cap)
        RiskDecision d = one(flat(), longAt("AAA", "20.00", 0.45));
        assertThat(d.stopPrice()).isEqualByComparingTo("19.10");
        assertThat(d.requestedQuantity()).isEqualTo(1111);
        assertThat(d.approvedQuantity()).isEqualTo(1111);
        assertThat(d.targetPrice()).isEqualByComparingTo("21.80");
        assertThat(d.riskAmount()).isEqualByComparingTo("999.90");
    }

    @Test
    void theModeMultiplierScalesTheRiskBudget() {
        assertThat(evaluate(flat(), 0.5, longAt("AAA", "20.00", 0.5)).get(0).approvedQuantity()).isEqualTo(500);
        assertThat(evaluate(flat(), 1.5, longAt("AAA", "20.00", 0.5)).get(0).requestedQuantity()).isEqualTo(1500);
    }

    @Test
    void theStopIsTwoAtrClampedToOneToFivePercentOfTheEntry() {
        assertThat(one(flat(), longAt("AAA", "100.00", 1.5)).stopPrice()).isEqualByComparingTo("97.00");  // 3 %
        assertThat(one(flat(), longAt("AAA", "100.00", 0.01)).stopPrice()).isEqualByComparingTo("99.00"); // 0.02 → 1 %
        assertThat(one(flat(), longAt("AAA", "100.00", 10)).stopPrice()).isEqualByComparingTo("95.00");   // 20 → 5 %
        assertThat(one(flat(), longAt("AAA", "100.00", Double.NaN)).stopPrice()).isEqualByComparingTo("99.00");
        // 5 % of 100 to the stop, target twice as far above
        assertThat(one(flat(), longAt("AAA", "100.00", 10)).targetPrice()).isEqualByComparingTo("110.00");
    }

    @Test
    void theKillSwitchStopsNewEntriesAtTheMaximumDailyLoss() {
        RiskDecision d = one(portfolio("100000", 0, Set.of(), "-2000"), longAt("AAA", "20.00", 0.5));
        assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(d.tradeable()).isFalse();
        assertThat(d.approvedQuantity()).isZero();
        assertThat(d.reason()).contains("kill switch");
        assertThat(one(portfolio("100000", 0, Set.of(), "-1999.99"), longAt("AAA", "20.00", 0.5)).tradeable()).isTrue();
    }

    @Test
    void pricesBelowTheMinimumAreRejected() {
        assertThat(one(flat(), longAt("AAA", "4.99", 0.05)).reason()).contains("below the minimum price");
        assertThat(one(flat(), longAt("AAA", "5.00", 0.05)).tradeable()).isTrue();
    }

    @Test
    void aSymbolAlreadyHeldIsRejected() {
        RiskDecision d = one(portfolio("100000", 1, Set.of("AAA"), "0"), longAt("AAA", "20.00", 0.5));
        assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(d.reason()).contains("already open");
    }

    @Test
    void theSameSymbolTwiceInOneRequestIsApprovedOnce() {
        List<RiskDecision> d = evaluate(flat(), 1.0, longAt("AAA", "20.00", 0.5), longAt("AAA", "20.00", 0.5));
        assertThat(d.get(0).tradeable()).isTrue();
        assertThat(d.get(1).tradeable()).isFalse();
        assertThat(d.get(1).reason()).contains("already open");
    }

    @Test
    void maxOpenPositionsCountsApprovalsEarlierInTheSameRequest() {
        List<RiskDecision> d = evaluate(portfolio("100000", 3, Set.of("X", "Y", "Z"), "0"), 1.0,
                longAt("AAA", "10.00", 0.25), longAt("BBB", "10.00", 0.25), longAt("CCC", "10.00", 0.25));
        assertThat(d).extracting(RiskDecision::verdict).containsExactly(Verdict.APPROVED, Verdict.APPROVED, Verdict.REJECTED);
        assertThat(d.get(2).reason()).contains("open positions 5 reached the maximum 5");
    }

    @Test
    void aRejectionDoesNotUseUpAPositionSlot() {
        List<RiskDecision> d = evaluate(portfolio("100000", 4, Set.of("W", "X", "Y", "Z"), "0"), 1.0,
                longAt("CHEAP", "1.00", 0.01), longAt("BBB", "10.00", 0.25));
        assertThat(d).extracting(RiskDecision::verdict).containsExactly(Verdict.REJECTED, Verdict.APPROVED);
    }

    @Test
    void aPositionLargerThanItsShareOfEquityIsResized() {
        // stop distance 1.00 on 50 (2 %): 1,000 shares wanted = 50,000, but 25 % of equity is 25,000 → 500
        RiskDecision d = one(flat(), longAt("AAA", "50.00", 0.5));
        assertThat(d.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(d.tradeable()).isTrue();
        assertThat(d.requestedQuantity()).isEqualTo(1000);
        assertThat(d.approvedQuantity()).isEqualTo(500);
        assertThat(d.riskAmount()).isEqualByComparingTo("500.00");
        assertThat(d.reason()).contains("position value capped at 25% of equity");
    }

    @Test
    void aPositionLargerThanTheBuyingPowerIsResized() {
        RiskDecision d = one(portfolio("10000", 0, Set.of(), "0"), longAt("AAA", "20.00", 0.5));
        assertThat(d.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(d.approvedQuantity()).isEqualTo(500); // 10,000 / 20
        assertThat(d.reason()).contains("capped by buying power 10000.00");
    }

    @Test
    void buyingPowerUsedByEarlierApprovalsIsNotSpentTwice() {
        List<RiskDecision> d = evaluate(portfolio("30000", 0, Set.of(), "0"), 1.0,
                longAt("AAA", "20.00", 0.5), longAt("BBB", "20.00", 0.5), longAt("CCC", "20.00", 0.5));
        assertThat(d).extracting(RiskDecision::approvedQuantity).containsExactly(1000, 500, 0);
        assertThat(d).extracting(RiskDecision::verdict).containsExactly(Verdict.APPROVED, Verdict.RESIZED, Verdict.REJECTED);
        assertThat(d.get(2).reason()).contains("leaves less than one share");
    }

    @Test
    void lessThanOneShareIsRejected() {
        Portfolio tiny = new Portfolio(new BigDecimal("100"), new BigDecimal("100"), 0, Set.of(), BigDecimal.ZERO);
        // 1 % of 100 = 1.00 of risk against a 5.00 stop distance
        RiskDecision d = manager.evaluate(new RiskRequest("c", 1.0, List.of(longAt("AAA", "100.00", 10))), tiny).decisions().get(0);
        assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(d.approvedQuantity()).isZero();
        assertThat(d.reason()).contains("buys less than one share");
        // the levels are still reported
        assertThat(d.stopPrice()).isEqualByComparingTo("95.00");
    }

    @Test
    void shortAndMalformedProposalsAreRejected() {
        RiskDecision shortSide = one(flat(), new TradeProposal("AAA", "short", new BigDecimal("20"), 0.5, null, 50));
        assertThat(shortSide.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(shortSide.reason()).contains("short entries are off").contains("CATALYST_TRADING_ALLOW_SHORT");
        assertThat(one(flat(), new TradeProposal("AAA", "sideways", new BigDecimal("20"), 0.5, null, 50)).reason())
                .contains("side must be long or short");
        assertThat(one(flat(), new TradeProposal("AAA", "long", BigDecimal.ZERO, 0.5, null, 50)).reason()).contains("entry price must be positive");
        assertThat(one(flat(), new TradeProposal("AAA", "long", null, 0.5, null, 50)).tradeable()).isFalse();
    }

    @Test
    void decisionsComeInTheProposalsOrderWithThePortfolio() {
        Portfolio p = flat();
        RiskResponse response = manager.evaluate(new RiskRequest("cyc", 1.0, List.of(longAt("BBB", "20", 0.5), longAt("AAA", "20", 0.5))), p);
        assertThat(response.cycleId()).isEqualTo("cyc");
        assertThat(response.portfolio()).isSameAs(p);
        assertThat(response.decisions()).extracting(RiskDecision::symbol).containsExactly("BBB", "AAA");
    }

    /** Seeded random portfolios and proposals: no decision that may trade breaks any limit. */
    @Test
    void noApprovedDecisionEverBreaksALimit() {
        SplittableRandom random = new SplittableRandom(20_240_611);
        int tradeable = 0;
        int rejected = 0;
        for (int run = 0; run < 20_000; run++) {
            RiskLimits limits = new RiskLimits(
                    BigDecimal.valueOf(0.001 + random.nextDouble() * 0.029).setScale(4, RoundingMode.HALF_UP),
                    1 + random.nextInt(10),
                    BigDecimal.valueOf(0.05 + random.nextDouble() * 0.5).setScale(3, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(1 + random.nextInt(10)),
                    BigDecimal.valueOf(100 + random.nextInt(5000)),
                    0.5 + random.nextDouble() * 3,
                    1 + random.nextDouble() * 3);
            BigDecimal equity = BigDecimal.valueOf(1_000 + random.nextDouble() * 1_000_000).setScale(2, RoundingMode.HALF_UP);
            BigDecimal buyingPower = BigDecimal.valueOf(random.nextDouble() * 2 * equity.doubleValue()).setScale(2, RoundingMode.HALF_UP);
            int open = random.nextInt(limits.maxOpenPositions() + 2);
            Set<String> held = new HashSet<>();
            for (int i = 0; i < open; i++) {
                held.add("S" + random.nextInt(12));
            }
            BigDecimal realized = BigDecimal.valueOf((random.nextDouble() - 0.7) * 2 * limits.maxDailyLoss().doubleValue())
                    .setScale(2, RoundingMode.HALF_UP);
            Portfolio portfolio = new Portfolio(equity, buyingPower, open, held, realized);
            double multiplier = new double[] {0.5, 1.0, 1.5}[random.nextInt(3)];
            List<TradeProposal> proposals = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                BigDecimal entry = BigDecimal.valueOf(0.5 + Math.exp(random.nextDouble() * Math.log(1000)))
                        .setScale(2 + random.nextInt(3), RoundingMode.HALF_UP);
                double atr = random.nextInt(10) == 0 ? Double.NaN : entry.doubleValue() * random.nextDouble() * 0.06;
                String side = random.nextInt(20) == 0 ? "short" : "long";
                proposals.add(new TradeProposal("S" + random.nextInt(12), side, entry, atr, null, 50));
            }

            List<RiskDecision> decisions = new RiskManager(limits).evaluate(new RiskRequest("r" + run, multiplier, proposals), portfolio)
                    .decisions();

            assertThat(decisions).hasSize(count);
            BigDecimal spent = BigDecimal.ZERO;
            int positions = open;
            Set<String> symbols = new HashSet<>(held);
            BigDecimal budget = equity.multiply(limits.riskPerTrade()).multiply(BigDecimal.valueOf(multiplier));
            BigDecimal shareCap = equity.multiply(limits.maxPositionShare());
            for (RiskDecision d : decisions) {
                if (!d.tradeable()) {
                    rejected++;
                    assertThat(d.approvedQuantity()).isZero();
                    continue;
                }
                tradeable++;
                String where = "run " + run + " " + d;
                BigDecimal entry = d.entryPrice();
                BigDecimal distance = entry.subtract(d.stopPrice());
                BigDecimal value = entry.multiply(BigDecimal.valueOf(d.approvedQuantity()));
                assertThat(d.side()).as(where).isEqualTo(PositionSide.LONG);
                assertThat(d.approvedQuantity()).as(where).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(d.requestedQuantity());
                assertThat(realized.compareTo(limits.maxDailyLoss().negate())).as(where).isPositive();
                assertThat(entry.compareTo(limits.minPrice())).as(where).isGreaterThanOrEqualTo(0);
                assertThat(symbols.add(d.symbol())).as(where + ": symbol already held").isTrue();
                assertThat(++positions).as(where).isLessThanOrEqualTo(limits.maxOpenPositions());
                assertThat(distance.signum()).as(where).isPositive();
                // the stop sits 1–5 % below the entry, give or take the cent it is rounded down to
                assertThat(distance.doubleValue()).as(where)
                        .isGreaterThanOrEqualTo(entry.doubleValue() * RiskLimits.MIN_STOP_SHARE - 1e-9)
                        .isLessThanOrEqualTo(entry.doubleValue() * RiskLimits.MAX_STOP_SHARE + 0.01 + 1e-9);
                assertThat(d.targetPrice().subtract(entry).doubleValue()).as(where)
                        .isGreaterThanOrEqualTo(limits.rewardToRisk() * distance.doubleValue() - 1e-9);
                assertThat(distance.multiply(BigDecimal.valueOf(d.approvedQuantity())).compareTo(budget)).as(where + ": risk budget")
                        .isLessThanOrEqualTo(0);
                assertThat(value.compareTo(shareCap)).as(where + ": position share").isLessThanOrEqualTo(0);
                spent = spent.add(value);
                assertThat(spent.compareTo(buyingPower)).as(where + ": buying power").isLessThanOrEqualTo(0);
            }
        }
        // the loop exercised both outcomes in earnest
        assertThat(tradeable).isGreaterThan(5_000);
        assertThat(rejected).isGreaterThan(5_000);
    }

    private final RiskManager shorts = new RiskManager(LIMITS, SessionTime::midSession, true);

    private static TradeProposal shortAt(String symbol, String entry, double atr) {
        return new TradeProposal(symbol, "short", new BigDecimal(entry), atr, "bear_flag", 80);
    }

    @Test
    void aShortIsTheMirrorImageStopAboveTargetBelowSizedOnTheDistance() {
        // 2 × ATR 0.50 = 1.00 above 20: stop 21.00, target 20 - 2 × 1.00 = 18.00; 1,000 at risk → 1,000 shares, 20,000 value
        // is over the short position cap of 10 % of 100,000 (the table's default): 500 shares
        RiskDecision d = shorts.evaluate(new RiskRequest("c-1", 1.0, List.of(shortAt("AAA", "20.00", 0.5))), flat()).decisions().get(0);
        assertThat(d.side()).isEqualTo(PositionSide.SHORT);
        assertThat(d.stopPrice()).isEqualByComparingTo("21.00");
        assertThat(d.targetPrice()).isEqualByComparingTo("18.00");
        assertThat(d.requestedQuantity()).isEqualTo(1000);
        assertThat(d.approvedQuantity()).isEqualTo(500);
        assertThat(d.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(d.reason()).contains("short position value capped at 10% of equity");
        assertThat(d.riskAmount()).isEqualByComparingTo("500.00");
    }

    @Test
    void shortExposureCountsTheOpenShortsAndTheEarlierApprovals() {
        // 50 % of equity for all shorts: 45,000 open leaves 5,000, the first short takes it (250 at 20), the second finds none
        Portfolio withShorts = new Portfolio(EQUITY, new BigDecimal("100000"), 1, Set.of("ZZZ"), BigDecimal.ZERO, new BigDecimal("45000"),
                new BigDecimal("45000"));
        List<RiskDecision> d = shorts.evaluate(new RiskRequest("c-1", 1.0, List.of(shortAt("AAA", "20.00", 0.5), shortAt("BBB", "20.00", 0.5),
                longAt("CCC", "20.00", 0.5))), withShorts).decisions();
        assertThat(d.get(0).approvedQuantity()).isEqualTo(250);
        assertThat(d.get(0).reason()).contains("short exposure capped at 50% of equity (open shorts 45000)");
        assertThat(d.get(1).tradeable()).isFalse();
        assertThat(d.get(1).reason()).contains("short exposure");
        // a long is not bound by the short limits
        assertThat(d.get(2).tradeable()).isTrue();
    }

    @Test
    void aShortsStopMustBeAboveItsEntryAndItsTargetAboveZero() {
        RiskDecision below = shorts.evaluate(new RiskRequest("c-1", 1.0, List.of(new TradeProposal("AAA", "short", new BigDecimal("20"), 0.5,
                null, 50, new BigDecimal("19"), null))), flat()).decisions().get(0);
        assertThat(below.reason()).contains("must be above the entry");
        RiskDecision far = shorts.evaluate(new RiskRequest("c-1", 1.0, List.of(new TradeProposal("AAA", "short", new BigDecimal("20"), 0.5,
                null, 50, new BigDecimal("35"), null))), flat()).decisions().get(0);
        assertThat(far.tradeable()).isFalse();
        assertThat(far.reason()).contains("is not above zero");
    }

    @Test
    void aShortExposureLimitOfZeroRefusesEveryShort() {
        RiskLimits none = new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.25"), new BigDecimal("5"), new BigDecimal("2000"), 2.0,
                2.0, BigDecimal.ONE, 0, 0, BigDecimal.ZERO, new BigDecimal("0.1"));
        RiskDecision d = new RiskManager(none, SessionTime::midSession, true)
                .evaluate(new RiskRequest("c-1", 1.0, List.of(shortAt("AAA", "20.00", 0.5))), flat()).decisions().get(0);
        assertThat(d.tradeable()).isFalse();
        assertThat(d.reason()).contains("max_short_exposure_share");
    }
}
