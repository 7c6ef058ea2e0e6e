package com.catalyst.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import com.catalyst.trading.PositionSide;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shorts allowed, over generated limits (the short ones included), portfolios already holding shorts, and requests that
 * mix longs and shorts: no approved or resized short breaks a short limit (one short's value within its share of
 * equity, all shorts within theirs, counted with the earlier approvals of the same request), nor any limit a long
 * obeys (risk to the stop, position share, total exposure, buying power, open positions); a short's stop is above its
 * entry and its target below, above zero. With shorts off, no short is ever tradeable.
 */
class ShortRiskPropertyTest {

    private static final RandomDistribution UNIFORM = RandomDistribution.uniform();
    private static final List<String> SYMBOLS = IntStream.range(0, 12).mapToObj(i -> "S" + i).toList();

    @Property(tries = 50_000, seed = "20261207", generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE,
            shrinking = ShrinkingMode.BOUNDED)
    void noApprovedShortBreaksAShortLimit(@ForAll("scenarios") Scenario s) {
        RiskManager manager = new RiskManager(s.limits(), SessionTime::midSession, true);
        RiskResponse response = manager.evaluate(new RiskRequest("20261207-001", s.multiplier(), s.proposals()), s.portfolio(),
                SessionTime.midSession());
        assertThat(response.decisions()).hasSize(s.proposals().size());

        RiskLimits l = s.limits();
        Portfolio p = s.portfolio();
        BigDecimal equity = p.equity();
        BigDecimal budget = equity.multiply(l.riskPerTrade()).multiply(BigDecimal.valueOf(s.multiplier()));
        BigDecimal exposure = p.exposure();
        BigDecimal shorts = p.shortExposure();
        BigDecimal spent = BigDecimal.ZERO;
        int open = p.openPositions();
        Set<String> held = new HashSet<>(p.openSymbols());
        int approvedShorts = 0;
        for (int i = 0; i < s.proposals().size(); i++) {
            TradeProposal proposal = s.proposals().get(i);
            RiskDecision d = response.decisions().get(i);
            if (!d.tradeable()) {
                assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
                continue;
            }
            BigDecimal quantity = BigDecimal.valueOf(d.approvedQuantity());
            BigDecimal value = d.entryPrice().multiply(quantity);
            assertThat(d.side().id()).isEqualTo(proposal.side());
            assertThat(d.entryPrice().subtract(d.stopPrice()).abs().multiply(quantity)).as("risk to the stop").isLessThanOrEqualTo(budget);
            assertThat(value).as("position value").isLessThanOrEqualTo(equity.multiply(l.maxPositionShare()));
            assertThat(exposure.add(value)).as("total exposure").isLessThanOrEqualTo(equity.multiply(l.maxTotalExposureShare()));
            assertThat(spent.add(value)).as("buying power").isLessThanOrEqualTo(p.buyingPower());
            assertThat(open + 1).as("open positions").isLessThanOrEqualTo(l.maxOpenPositions());
            assertThat(held).as("one position a symbol").doesNotContain(d.symbol());
            if (d.side() == PositionSide.SHORT) {
                approvedShorts++;
                assertThat(d.stopPrice()).as("a short's stop").isGreaterThan(d.entryPrice());
                assertThat(d.targetPrice()).as("a short's target").isPositive().isLessThan(d.entryPrice());
                assertThat(value).as("short position value").isLessThanOrEqualTo(equity.multiply(l.maxShortPositionShare()));
                assertThat(shorts.add(value)).as("short exposure").isLessThanOrEqualTo(equity.multiply(l.maxShortExposureShare()));
                shorts = shorts.add(value);
            } else {
                assertThat(d.stopPrice()).as("a long's stop").isLessThan(d.entryPrice());
                assertThat(d.targetPrice()).as("a long's target").isGreaterThan(d.entryPrice());
            }
            if (proposal.quantity() != null) {
                assertThat(d.approvedQuantity()).as("never more than asked").isLessThanOrEqualTo(proposal.quantity());
            }
            exposure = exposure.add(value);
            spent = spent.add(value);
            open++;
            held.add(d.symbol());
        }
        Statistics.label("approved shorts").collect(Math.min(approvedShorts, 3));
    }

    @Property(tries = 5_000, seed = "20261208", generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE)
    void withShortsOffNoShortIsTradeable(@ForAll("scenarios") Scenario s) {
        RiskResponse response = new RiskManager(s.limits()).evaluate(new RiskRequest("20261207-001", s.multiplier(), s.proposals()),
                s.portfolio(), SessionTime.midSession());
        assertThat(response.decisions()).filteredOn(d -> d.side() == PositionSide.SHORT).allSatisfy(d -> {
            assertThat(d.tradeable()).isFalse();
            assertThat(d.reason()).contains("CATALYST_TRADING_ALLOW_SHORT");
        });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(limits(), portfolios(), proposals(), Arbitraries.of(0.5, 1.0, 1.5)).as(Scenario::new);
    }

    private Arbitrary<RiskLimits> limits() {
        Arbitrary<BigDecimal> riskPerTrade = Arbitraries.bigDecimals().between(new BigDecimal("0.0005"), new BigDecimal("0.05")).ofScale(4);
        Arbitrary<Integer> maxOpen = Arbitraries.integers().between(1, 10);
        Arbitrary<BigDecimal> share = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.ONE).ofScale(2);
        Arbitrary<BigDecimal> exposureShare = Arbitraries.bigDecimals().between(new BigDecimal("0.05"), new BigDecimal("4")).ofScale(2);
        Arbitrary<BigDecimal> shortExposureShare = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(2);
        Arbitrary<BigDecimal> shortShare = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.ONE).ofScale(2);
        Arbitrary<Double> atrMultiple = Arbitraries.doubles().between(0.5, 10).ofScale(2);
        Arbitrary<Double> rewardToRisk = Arbitraries.doubles().between(1, 10).ofScale(1);
        return Combinators.combine(riskPerTrade, maxOpen, share, exposureShare, shortExposureShare, shortShare, atrMultiple, rewardToRisk)
                .as((rpt, max, sh, exp, sexp, ssh, atr, rr) -> new RiskLimits(rpt, max, sh, new BigDecimal("1"), new BigDecimal("100000"), atr,
                        rr, exp, 0, 0, sexp, ssh));
    }

    private Arbitrary<Portfolio> portfolios() {
        Arbitrary<BigDecimal> equity = Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("5000000")).ofScale(2)
                .withDistribution(UNIFORM);
        Arbitrary<Double> buyingPowerShare = Arbitraries.doubles().between(0, 4).withDistribution(UNIFORM);
        Arbitrary<Double> exposureShare = Arbitraries.doubles().between(0, 1.5).withDistribution(UNIFORM);
        Arbitrary<Double> shortPart = Arbitraries.doubles().between(0, 1).withDistribution(UNIFORM);
        Arbitrary<Set<String>> held = Arbitraries.of(SYMBOLS).set().ofMaxSize(3);
        return Combinators.combine(equity, buyingPowerShare, exposureShare, shortPart, held).as((eq, bp, ex, part, symbols) -> {
            BigDecimal exposure = eq.multiply(BigDecimal.valueOf(ex)).setScale(2, RoundingMode.HALF_UP);
            return new Portfolio(eq, eq.multiply(BigDecimal.valueOf(bp)).setScale(2, RoundingMode.HALF_UP), symbols.size(), symbols,
                    BigDecimal.ZERO, exposure, exposure.multiply(BigDecimal.valueOf(part)).setScale(2, RoundingMode.HALF_UP));
        });
    }

    private Arbitrary<List<TradeProposal>> proposals() {
        Arbitrary<String> side = Arbitraries.frequency(Tuple.of(1, "long"), Tuple.of(2, "short"));
        Arbitrary<BigDecimal> entry = Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("2000")).ofScale(4)
                .withDistribution(UNIFORM);
        Arbitrary<Double> atr = Arbitraries.oneOf(Arbitraries.doubles().between(0, 50), Arbitraries.just(Double.NaN));
        // the stop's distance as a share of the entry: sometimes on the wrong side, sometimes wide enough to push a short's target below zero
        Arbitrary<Double> stopShare = Arbitraries.doubles().between(-0.02, 0.6).withDistribution(UNIFORM);
        Arbitrary<Boolean> withStop = Arbitraries.of(false, true);
        Arbitrary<Integer> quantity = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.integers().between(1, 200_000).withDistribution(UNIFORM));
        Arbitrary<TradeProposal> one = Combinators.combine(Arbitraries.of(SYMBOLS), side, entry, atr, stopShare, withStop, quantity)
                .as((symbol, sd, e, a, share, stopGiven, q) -> new TradeProposal(symbol, sd, e, a, "bear_flag", 50,
                        stopGiven ? e.multiply(BigDecimal.valueOf("short".equals(sd) ? 1 + share : 1 - share)).setScale(4, RoundingMode.HALF_UP)
                                : null, q));
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    record Scenario(RiskLimits limits, Portfolio portfolio, List<TradeProposal> proposals, double multiplier) {
        @Override
        public String toString() {
            return "limits=" + limits + "\nportfolio=" + portfolio + "\nmultiplier=" + multiplier + "\nproposals="
                    + proposals.stream().map(TradeProposal::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        }
    }
}
