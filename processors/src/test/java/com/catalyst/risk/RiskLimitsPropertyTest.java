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
import net.jqwik.api.statistics.Statistics;

import com.catalyst.trading.PositionSide;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over generated limits, portfolios, session times and proposals (100,000 tries of up to eight proposals each), no
 * approved or resized decision ever breaks a limit: risk to the stop within the budget, position value within its
 * share of equity, total exposure within its share, cost within buying power, open positions within the maximum,
 * nothing after the kill switch or outside the trading window, nothing below the minimum price or in a held symbol.
 * The running totals are checked across the proposals of one request, as the cycle sends them.
 */
class RiskLimitsPropertyTest {

    private static final RandomDistribution UNIFORM = RandomDistribution.uniform();
    private static final List<String> SYMBOLS = IntStream.range(0, 12).mapToObj(i -> "S" + i).toList();

    @Property(tries = 100_000, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void noTradeableDecisionBreaksALimit(@ForAll("scenarios") Scenario s) {
        RiskManager manager = new RiskManager(s.limits());
        RiskResponse response = manager.evaluate(new RiskRequest("20260106-001", s.multiplier(), s.proposals()), s.portfolio(), s.time());
        assertThat(response.decisions()).hasSize(s.proposals().size());

        RiskLimits l = s.limits();
        Portfolio p = s.portfolio();
        BigDecimal equity = p.equity();
        BigDecimal budget = equity.multiply(l.riskPerTrade()).multiply(BigDecimal.valueOf(s.multiplier()));
        BigDecimal exposure = p.exposure();
        BigDecimal spent = BigDecimal.ZERO;
        int open = p.openPositions();
        Set<String> held = new HashSet<>(p.openSymbols());
        int tradeable = 0;
        for (int i = 0; i < s.proposals().size(); i++) {
            TradeProposal proposal = s.proposals().get(i);
            RiskDecision d = response.decisions().get(i);
            if (!d.tradeable()) {
                assertThat(d.verdict()).isEqualTo(Verdict.REJECTED);
                assertThat(d.approvedQuantity()).isZero();
                continue;
            }
            tradeable++;
            BigDecimal quantity = BigDecimal.valueOf(d.approvedQuantity());
            BigDecimal value = d.entryPrice().multiply(quantity);
            assertThat(d.verdict()).isIn(Verdict.APPROVED, Verdict.RESIZED);
            assertThat(d.approvedQuantity()).isPositive();
            assertThat(d.side()).isEqualTo(PositionSide.LONG);
            assertThat(d.stopPrice()).isPositive().isLessThan(d.entryPrice());
            assertThat(d.entryPrice().subtract(d.stopPrice()).multiply(quantity)).as("risk to the stop").isLessThanOrEqualTo(budget);
            assertThat(value).as("position value").isLessThanOrEqualTo(equity.multiply(l.maxPositionShare()));
            assertThat(exposure.add(value)).as("total exposure").isLessThanOrEqualTo(equity.multiply(l.maxTotalExposureShare()));
            assertThat(spent.add(value)).as("cost").isLessThanOrEqualTo(p.buyingPower());
            assertThat(open + 1).as("open positions").isLessThanOrEqualTo(l.maxOpenPositions());
            assertThat(p.realizedPnlToday()).as("kill switch").isGreaterThan(l.maxDailyLoss().negate());
            assertThat(s.time().marketOpen()).as("market open").isTrue();
            assertThat(s.time().minutesSinceOpen()).as("window start").isGreaterThanOrEqualTo(l.noEntryFirstMinutes());
            assertThat(s.time().minutesToClose()).as("window end").isGreaterThanOrEqualTo(l.noEntryLastMinutes());
            assertThat(d.entryPrice()).as("minimum price").isGreaterThanOrEqualTo(l.minPrice());
            assertThat(held).as("one position a symbol").doesNotContain(d.symbol());
            if (proposal.quantity() != null) {
                assertThat(d.approvedQuantity()).as("never more than asked").isLessThanOrEqualTo(proposal.quantity());
            }
            exposure = exposure.add(value);
            spent = spent.add(value);
            open++;
            held.add(d.symbol());
        }
        Statistics.label("tradeable decisions").collect(Math.min(tradeable, 3));
        RiskDecision first = response.decisions().get(0);
        String because = first.reason().replaceAll("[0-9.,%()-]+", "").replaceAll(" +", " ");
        Statistics.label("first decision").collect(first.verdict() + ": " + because.substring(0, Math.min(32, because.length())));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(limits(), portfolios(), times(), proposals(), Arbitraries.of(0.5, 1.0, 1.5))
                .as(Scenario::new);
    }

    private Arbitrary<RiskLimits> limits() {
        Arbitrary<BigDecimal> riskPerTrade = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("0.1")).ofScale(4);
        Arbitrary<Integer> maxOpen = Arbitraries.integers().between(1, 10);
        Arbitrary<BigDecimal> share = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), BigDecimal.ONE).ofScale(2);
        Arbitrary<BigDecimal> minPrice = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20")).ofScale(2);
        Arbitrary<BigDecimal> maxDailyLoss = Arbitraries.bigDecimals().between(new BigDecimal("100"), new BigDecimal("5000")).ofScale(0);
        Arbitrary<Double> atrMultiple = Arbitraries.doubles().between(0.1, 10).ofScale(2);
        Arbitrary<BigDecimal> exposureShare = Arbitraries.bigDecimals().between(new BigDecimal("0.05"), new BigDecimal("2")).ofScale(2);
        Arbitrary<int[]> window = Arbitraries.integers().between(0, 30).array(int[].class).ofSize(2);
        return Combinators.combine(riskPerTrade, maxOpen, share, minPrice, maxDailyLoss, atrMultiple, exposureShare, window)
                .as((rpt, max, sh, min, loss, atr, exp, w) -> new RiskLimits(rpt, max, sh, min, loss, atr, 2.0, exp, w[0], w[1]));
    }

    private Arbitrary<Portfolio> portfolios() {
        // mostly a healthy account, sometimes one that has lost everything
        Arbitrary<BigDecimal> equity = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(19, Arbitraries.bigDecimals().between(new BigDecimal("1000"), new BigDecimal("5000000")).ofScale(2)
                        .withDistribution(UNIFORM)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bigDecimals().between(new BigDecimal("-5000"), new BigDecimal("1000")).ofScale(2)));
        Arbitrary<Double> buyingPowerShare = Arbitraries.doubles().between(-0.05, 1.5).withDistribution(UNIFORM);
        Arbitrary<Double> exposureShare = Arbitraries.doubles().between(0, 1.2).withDistribution(UNIFORM);
        Arbitrary<Set<String>> held = Arbitraries.of(SYMBOLS).set().ofMaxSize(3);
        Arbitrary<BigDecimal> realizedToday = Arbitraries.bigDecimals().between(new BigDecimal("-3000"), new BigDecimal("8000")).ofScale(2);
        return Combinators.combine(equity, buyingPowerShare, exposureShare, held, realizedToday).as((eq, bp, ex, symbols, pnl) -> {
            BigDecimal base = eq.abs();
            return new Portfolio(eq, base.multiply(BigDecimal.valueOf(bp)).setScale(2, RoundingMode.HALF_UP), symbols.size(), symbols, pnl,
                    base.multiply(BigDecimal.valueOf(ex)).setScale(2, RoundingMode.HALF_UP));
        });
    }

    private Arbitrary<SessionTime> times() {
        Arbitrary<Boolean> open = Arbitraries.of(true, true, true, true, true, true, true, true, true, false);
        Arbitrary<Integer> since = Arbitraries.integers().between(0, 390);
        return Combinators.combine(open, since).as((o, m) -> new SessionTime(o, m, 390 - m));
    }

    private Arbitrary<List<TradeProposal>> proposals() {
        Arbitrary<String> side = Arbitraries.frequency(net.jqwik.api.Tuple.of(30, "long"), net.jqwik.api.Tuple.of(1, "short"));
        // penny stocks sometimes, ordinary prices mostly: both sides of the minimum price
        Arbitrary<BigDecimal> entry = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.bigDecimals().between(new BigDecimal("0.0100"), new BigDecimal("20")).ofScale(4)
                        .withDistribution(UNIFORM)),
                net.jqwik.api.Tuple.of(6, Arbitraries.bigDecimals().between(new BigDecimal("5"), new BigDecimal("2000")).ofScale(4)
                        .withDistribution(UNIFORM)));
        Arbitrary<Double> atr = Arbitraries.oneOf(Arbitraries.doubles().between(0, 50), Arbitraries.just(Double.NaN));
        Arbitrary<Double> stopShare = Arbitraries.doubles().between(-0.01, 0.3).withDistribution(UNIFORM);
        Arbitrary<Boolean> withStop = Arbitraries.of(false, false, true);
        Arbitrary<Integer> quantity = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(null), Arbitraries.integers().between(-5, 200_000).withDistribution(UNIFORM));
        Arbitrary<TradeProposal> one = Combinators.combine(Arbitraries.of(SYMBOLS), side, entry, atr, stopShare, withStop, quantity)
                .as((symbol, sd, e, a, share, stopGiven, q) -> new TradeProposal(symbol, sd, e, a, "bull_flag", 50,
                        stopGiven ? e.multiply(BigDecimal.valueOf(1 - share)).setScale(4, RoundingMode.HALF_UP) : null, q));
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    record Scenario(RiskLimits limits, Portfolio portfolio, SessionTime time, List<TradeProposal> proposals, double multiplier) {
        @Override
        public String toString() {
            return "limits=" + limits + "\nportfolio=" + portfolio + "\ntime=" + time + "\nmultiplier=" + multiplier + "\nproposals="
                    + proposals.stream().map(TradeProposal::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        }
    }
}
