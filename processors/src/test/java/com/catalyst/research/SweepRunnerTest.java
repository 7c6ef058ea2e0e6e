package com.catalyst.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.catalyst.backtest.BacktestConfig;
import com.catalyst.backtest.BacktestData;
import com.catalyst.backtest.BacktestEngine;
import com.catalyst.backtest.BacktestListener;
import com.catalyst.backtest.Configs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sweeps on the real SPY minutes of March 2011 (data/pyalgotrade): the same trials on one thread and on four give the
 * same outcomes trial for trial and the same summary; the same sweep twice ranks the same; each fold chooses the trial
 * best in its in-sample window and the stitched equity follows that trial out of sample.
 */
class SweepRunnerTest {

    static BacktestData march;
    static TrialExecutor inProcess;

    @BeforeAll
    static void load() {
        march = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), LocalDate.parse("2011-03-01"), LocalDate.parse("2011-03-31"));
        inProcess = spec -> new BacktestEngine(march, spec.config()).run(BacktestListener.NONE);
    }

    static SweepPlan plan(Objective objective) {
        return SweepPlan.parse(Map.of("grid", Map.of("ema_fast", List.of(5, 9), "ema_slow", List.of(21, 30), "atr_multiple", List.of(1.5, 2.5)),
                "objective", objective.id(), "walk_forward", Map.of("in_sample_days", 10, "out_of_sample_days", 5, "step_days", 5)),
                Configs.defaults(BacktestConfig.EMA_CROSS), SweepPlan.DEFAULT_MAX_TRIALS);
    }

    static List<TrialOutcome> run(SweepPlan plan, int threads) {
        List<WalkForward.Fold> folds = plan.walkForward().folds(march.sessions().size());
        return new SweepRunner(threads).run(plan.specs(1), inProcess, march.sessions(), folds, () -> false, (o, done, total) -> { });
    }

    @Test
    void fourThreadsGiveWhatOneThreadGivesTrialForTrial() {
        SweepPlan plan = plan(Objective.SHARPE);
        List<TrialOutcome> sequential = run(plan, 1);
        List<TrialOutcome> parallel = run(plan, 4);
        assertThat(march.sessions()).hasSize(23);
        assertThat(parallel).hasSize(8).extracting(TrialOutcome::trialNo).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        for (int i = 0; i < sequential.size(); i++) {
            assertThat(parallel.get(i).sameAs(sequential.get(i))).as("trial " + (i + 1)).isTrue();
        }
        // the trials differ from each other: the parameters reach the engine
        assertThat(sequential.stream().map(o -> o.inSample().netPnl()).distinct()).hasSizeGreaterThan(1);
        List<WalkForward.Fold> folds = plan.walkForward().folds(23);
        BigDecimal cash = Configs.defaults(BacktestConfig.EMA_CROSS).startingCash();
        assertThat(SweepSummary.of(plan, parallel, march.sessions(), folds, cash))
                .isEqualTo(SweepSummary.of(plan, sequential, march.sessions(), folds, cash));
    }

    @Test
    void theSameSweepTwiceRanksTheSameAndItsFoldsChooseTheInSampleBest() {
        // a trial's outcome does not depend on the objective: run the trials twice, rank them by each objective
        List<TrialOutcome> outcomes = run(plan(Objective.SHARPE), 2);
        List<TrialOutcome> again = run(plan(Objective.SHARPE), 3);
        for (Objective objective : Objective.values()) {
            SweepPlan plan = plan(objective);
            List<WalkForward.Fold> folds = plan.walkForward().folds(23);
            BigDecimal cash = Configs.defaults(BacktestConfig.EMA_CROSS).startingCash();
            SweepSummary first = SweepSummary.of(plan, outcomes, march.sessions(), folds, cash);
            SweepSummary second = SweepSummary.of(plan, again, march.sessions(), folds, cash);
            assertThat(second.ranking()).as(objective.id()).isEqualTo(first.ranking());
            assertThat(first.ranking()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(first.bestTrial()).isEqualTo(first.ranking().get(0));
            // ranked by the objective over the in-sample sessions, best first
            double previous = Double.POSITIVE_INFINITY;
            for (int trial : first.ranking()) {
                double value = objective.rankValue(outcomes.get(trial - 1).inSample());
                assertThat(value).as(objective.id() + " trial " + trial).isLessThanOrEqualTo(previous);
                previous = value;
            }
            assertThat(first.folds()).hasSize(2);
            for (SweepSummary.FoldResult fold : first.folds()) {
                int f = fold.foldNo() - 1;
                double chosen = objective.rankValue(outcomes.get(fold.chosenTrial() - 1).folds().get(f).inSample());
                assertThat(outcomes).allSatisfy(o -> assertThat(objective.rankValue(o.folds().get(f).inSample())).isLessThanOrEqualTo(chosen));
                assertThat(fold.outOfSample()).isEqualTo(outcomes.get(fold.chosenTrial() - 1).folds().get(f).outOfSample());
                assertThat(fold.outOfSample().sessions()).isEqualTo(5);
            }
            // the out-of-sample windows tile sessions 11 to 20; each point follows its fold's choice
            assertThat(first.stitchedEquity()).hasSize(10).extracting(SweepSummary.StitchedPoint::session)
                    .containsExactlyElementsOf(march.sessions().subList(10, 20));
            double equity = cash.doubleValue();
            for (SweepSummary.StitchedPoint p : first.stitchedEquity()) {
                TrialOutcome chosen = outcomes.get(first.folds().get(p.foldNo() - 1).chosenTrial() - 1);
                equity *= 1 + chosen.sessionReturns()[march.sessions().indexOf(p.session())];
                assertThat(p.equity().doubleValue()).isCloseTo(equity, org.assertj.core.api.Assertions.within(0.01));
            }
            assertThat(first.pbo()).isBetween(0.0, 1.0);
            assertThat(first.pboBlocks()).isEqualTo(16);
            assertThat(first.deflatedSharpe()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aWindowsFiguresAreItsSessionsOfTheTrialsRun() {
        SweepPlan plan = plan(Objective.NET_PNL);
        List<TrialOutcome> outcomes = run(plan, 2);
        BigDecimal cash = Configs.defaults(BacktestConfig.EMA_CROSS).startingCash();
        for (TrialOutcome o : outcomes) {
            // the out-of-sample windows (sessions 11-15, 16-20) tile the trial's out-of-sample sessions: their P&L adds up
            BigDecimal folds = o.folds().get(0).outOfSample().netPnl().add(o.folds().get(1).outOfSample().netPnl());
            assertThat(o.outOfSample().netPnl()).isEqualByComparingTo(folds);
            assertThat(o.outOfSample().trades()).isEqualTo(o.folds().get(0).outOfSample().trades() + o.folds().get(1).outOfSample().trades());
            // in-sample: sessions 1-15, the account's change from the starting cash to the 15th close
            assertThat(o.inSample().netPnl()).isEqualByComparingTo(o.sessionEquity()[14].subtract(cash));
            // the per-session returns compound to the final account
            double equity = cash.doubleValue();
            for (double r : o.sessionReturns()) {
                equity *= 1 + r;
            }
            assertThat(equity).isCloseTo(o.sessionEquity()[22].doubleValue(), org.assertj.core.api.Assertions.within(0.01));
        }
        // without walk-forward the whole period is in-sample and nothing is out of sample
        SweepPlan whole = SweepPlan.parse(Map.of("grid", Map.of("ema_fast", List.of(5))), Configs.defaults(BacktestConfig.EMA_CROSS), 10);
        TrialOutcome one = new SweepRunner(1).run(whole.specs(2), inProcess, march.sessions(), List.of(), () -> false, (o, d, t) -> { }).get(0);
        assertThat(one.inSample().sessions()).isEqualTo(23);
        assertThat(one.inSample().netPnl()).isEqualByComparingTo(one.sessionEquity()[22].subtract(cash));
        assertThat(one.outOfSample()).isNull();
        assertThat(SweepSummary.of(whole, List.of(one), march.sessions(), List.of(), cash).pbo()).as("PBO needs 2 trials").isNull();
    }

    @Test
    void theObjectiveDecidesTheRankingAndTiesGoToTheLowerTrialNumber() {
        TrialFigures a = figures("100", 1.5, 0.5, 1.2, 3.0);
        TrialFigures b = figures("300", 0.5, 2.5, 2.0, 1.0);
        TrialFigures c = figures("300", null, null, null, null);
        List<TrialOutcome> outcomes = List.of(outcome(1, a), outcome(2, b), outcome(3, c), outcome(4, a));
        assertThat(SweepSummary.ranked(outcomes, TrialOutcome::inSample, Objective.SHARPE)).extracting(TrialOutcome::trialNo).containsExactly(1, 4, 2, 3);
        assertThat(SweepSummary.ranked(outcomes, TrialOutcome::inSample, Objective.SORTINO)).extracting(TrialOutcome::trialNo).containsExactly(2, 1, 4, 3);
        assertThat(SweepSummary.ranked(outcomes, TrialOutcome::inSample, Objective.NET_PNL)).extracting(TrialOutcome::trialNo).containsExactly(2, 3, 1, 4);
        assertThat(SweepSummary.ranked(outcomes, TrialOutcome::inSample, Objective.CALMAR)).extracting(TrialOutcome::trialNo).containsExactly(1, 4, 2, 3);
        // a profit factor without a losing trade is unbounded: above every finite one
        assertThat(SweepSummary.ranked(outcomes, TrialOutcome::inSample, Objective.PROFIT_FACTOR)).extracting(TrialOutcome::trialNo)
                .containsExactly(3, 2, 1, 4);
    }

    @Test
    void aCancelLeavesTheTrialsNotStartedUnrunAndAFailingTrialStopsTheSweepNamingIt() {
        SweepPlan plan = plan(Objective.SHARPE);
        List<WalkForward.Fold> folds = plan.walkForward().folds(23);
        AtomicInteger started = new AtomicInteger();
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        List<TrialOutcome> outcomes = new SweepRunner(1).run(plan.specs(1), inProcess, march.sessions(), folds,
                () -> started.get() >= 3, (o, done, total) -> {
                    started.incrementAndGet();
                    heard.add(done);
                });
        assertThat(outcomes).hasSize(8);
        assertThat(outcomes.subList(0, 3)).doesNotContainNull();
        assertThat(outcomes.subList(3, 8)).containsOnlyNulls();
        assertThat(heard).containsExactly(1, 2, 3);
        SweepSummary partial = SweepSummary.of(plan, outcomes, march.sessions(), folds, BigDecimal.valueOf(100_000));
        assertThat(partial.ranking()).containsExactlyInAnyOrder(1, 2, 3);

        TrialExecutor failing = spec -> {
            if (spec.trialNo() == 5) {
                throw new IllegalStateException("risk step failed");
            }
            return inProcess.run(spec);
        };
        assertThatThrownBy(() -> new SweepRunner(2).run(plan.specs(1), failing, march.sessions(), folds, () -> false, (o, d, t) -> { }))
                .hasMessage("trial 5 failed: risk step failed");
    }

    @Test
    void cscvCutsSixteenBlocksUnlessTheSweepIsTooBigForThem() {
        assertThat(SweepSummary.pboBlocks(23, 4)).isEqualTo(16);
        assertThat(SweepSummary.pboBlocks(9, 4)).isEqualTo(8);
        assertThat(SweepSummary.pboBlocks(1, 4)).isZero();
        // 10,000 trials over a year: C(10, 5) = 252 splits × 10,000 × 252 sessions is within the budget, C(12, 6) = 924 is not
        assertThat(SweepSummary.pboBlocks(252, 10_000)).isEqualTo(10);
        assertThat(SweepSummary.pboBlocks(252, 100)).isEqualTo(16);
    }

    static TrialFigures figures(String net, Double sharpe, Double sortino, Double profitFactor, Double calmar) {
        return new TrialFigures(10, 4, 2, 0.5, new BigDecimal(net), new BigDecimal(net), 0.1, sharpe, sortino, profitFactor, BigDecimal.TEN, calmar);
    }

    static TrialOutcome outcome(int trialNo, TrialFigures figures) {
        return new TrialOutcome(trialNo, Map.of(), figures, null, List.of(), new double[0], new BigDecimal[0], 0, 0);
    }
}
