package com.catalyst.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.backtest.BacktestConfig;
import com.catalyst.backtest.Configs;
import com.catalyst.trading.ExitSettings;
import org.junit.jupiter.api.Test;

/** A sweep's trials from its request: the fixed expansion order, seeded draws, parameters and risk limits applied, and every refusal naming its field. */
class SweepPlanTest {

    static final BacktestConfig EMA = Configs.defaults(BacktestConfig.EMA_CROSS);
    static final BacktestConfig PATTERN = Configs.defaults(BacktestConfig.PATTERN);

    static Map<String, Object> request(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static SweepPlan plan(Map<String, Object> request) {
        return SweepPlan.parse(request, EMA, SweepPlan.DEFAULT_MAX_TRIALS);
    }

    @Test
    void aGridExpandsInNameOrderTheLastNameFastestWhateverTheRequestsKeyOrder() {
        SweepPlan plan = plan(request("grid", request("ema_slow", List.of(21, 30), "ema_fast", List.of(5, 9)), "objective", "sharpe"));
        assertThat(plan.trials()).extracting(SweepPlan.Trial::trialNo).containsExactly(1, 2, 3, 4);
        assertThat(plan.trials()).extracting(SweepPlan.Trial::parameters).containsExactly(
                Map.of("ema_fast", 5, "ema_slow", 21), Map.of("ema_fast", 5, "ema_slow", 30),
                Map.of("ema_fast", 9, "ema_slow", 21), Map.of("ema_fast", 9, "ema_slow", 30));
        assertThat(plan.trials().get(0).parameters().keySet()).containsExactly("ema_fast", "ema_slow");
        assertThat(plan.trials().get(1).config().emaFast()).isEqualTo(5);
        assertThat(plan.trials().get(1).config().emaSlow()).isEqualTo(30);
        // what the grid does not vary stays the base's
        assertThat(plan.trials().get(3).config().atrPeriod()).isEqualTo(EMA.atrPeriod());
        assertThat(plan.trials().get(3).config().risk()).isEqualTo(EMA.risk());
        assertThat(plan.objective()).isEqualTo(Objective.SHARPE);
        assertThat(plan.specs(7)).extracting(TrialSpec::sweepId).containsOnly(7L);
    }

    @Test
    void aTrialKeepsEveryPartOfTheBaseItDoesNotVary() {
        BacktestConfig base = EMA.withExit(new ExitSettings(ExitSettings.Mode.TRAILING_ATR, new BigDecimal("1.5"), new BigDecimal("3")));
        assertThat(SweepParameter.apply(base, Map.of())).isEqualTo(base);
        BacktestConfig trial = SweepParameter.apply(base, Map.of("ema_fast", 4, "reward_to_risk", new BigDecimal("3")));
        assertThat(trial.emaFast()).isEqualTo(4);
        assertThat(trial.risk().rewardToRisk()).isEqualTo(3.0);
        assertThat(trial.exit()).isEqualTo(base.exit());
        assertThat(trial).isEqualTo(new BacktestConfig(base.strategy(), base.mode(), base.funnel(), base.scanner(),
                new com.catalyst.risk.RiskLimits(base.risk().riskPerTrade(), base.risk().maxOpenPositions(), base.risk().maxPositionShare(),
                        base.risk().minPrice(), base.risk().maxDailyLoss(), base.risk().stopAtrMultiple(), 3.0,
                        base.risk().maxTotalExposureShare(), base.risk().noEntryFirstMinutes(), base.risk().noEntryLastMinutes()),
                base.startingCash(), base.slippageBps(), base.commissionPerShare(), base.flattenMinutesBeforeClose(), base.cycleMinutes(),
                4, base.emaSlow(), base.atrPeriod(), base.atrMultiple(), base.exit()));
    }

    @Test
    void combinationsThatAreNoBacktestAreSkippedAndCounted() {
        SweepPlan plan = plan(request("grid", request("ema_fast", List.of(5, 25), "ema_slow", List.of(21, 30))));
        assertThat(plan.trials()).extracting(SweepPlan.Trial::parameters).containsExactly(
                Map.of("ema_fast", 5, "ema_slow", 21), Map.of("ema_fast", 5, "ema_slow", 30), Map.of("ema_fast", 25, "ema_slow", 30));
        assertThat(plan.skipped()).isEqualTo(1);
        assertThat(plan.skippedReason()).contains("ema_fast=25").contains("fast < slow");
        assertThatThrownBy(() -> plan(request("grid", request("ema_fast", List.of(40), "ema_slow", List.of(21, 30)))))
                .isInstanceOf(SweepInputException.class).hasMessageContaining("no combination").extracting("field").isEqualTo("grid");
    }

    @Test
    void riskLimitsAndExitSettingsAreParametersTooWithTheOneTablesRanges() {
        SweepPlan plan = plan(request("grid", request("max_open_positions", List.of(1, 3), "risk_per_trade", List.of(0.005),
                "exit_mode", List.of("bracket", "trailing-percent"), "trail_percent", List.of(0.5))));
        assertThat(plan.trials()).hasSize(4);
        BacktestConfig last = plan.trials().get(3).config();
        assertThat(plan.trials().get(3).parameters()).containsEntry("max_open_positions", 3).containsEntry("exit_mode", "trailing-percent");
        assertThat(last.risk().maxOpenPositions()).isEqualTo(3);
        assertThat(last.risk().riskPerTrade()).isEqualByComparingTo("0.005");
        assertThat(last.risk().minPrice()).isEqualByComparingTo(EMA.risk().minPrice());
        assertThat(last.exit().mode()).isEqualTo(ExitSettings.Mode.TRAILING_PERCENT);
        assertThat(last.exit().trailPercent()).isEqualByComparingTo("0.5");

        assertThatThrownBy(() -> plan(request("grid", request("risk_per_trade", List.of(0.01, 0.5)))))
                .isInstanceOf(SweepInputException.class).hasMessage("'grid.risk_per_trade' must be 0.001 to 0.05, got 0.5")
                .extracting("field").isEqualTo("grid.risk_per_trade");
        assertThatThrownBy(() -> plan(request("grid", request("max_open_positions", List.of(2.5)))))
                .hasMessageContaining("1 to 20, a whole number").extracting("field").isEqualTo("grid.max_open_positions");
        assertThatThrownBy(() -> plan(request("grid", request("exit_mode", List.of("sideways")))))
                .hasMessageContaining("bracket, trailing-percent, trailing-atr").extracting("field").isEqualTo("grid.exit_mode");
    }

    @Test
    void aRandomSweepDrawsTheSameTrialsFromTheSameSeedWithinItsRanges() {
        Map<String, Object> ranges = request("ema_fast", request("min", 3, "max", 12), "ema_slow", request("min", 20, "max", 60),
                "atr_multiple", request("min", 1, "max", 3), "risk_per_trade", request("min", 0.002, "max", 0.02));
        SweepPlan one = plan(request("random", ranges, "samples", 40, "seed", 42));
        SweepPlan two = plan(request("random", ranges, "samples", 40, "seed", 42));
        SweepPlan other = plan(request("random", ranges, "samples", 40, "seed", 43));
        assertThat(one.trials()).hasSize(40);
        assertThat(one.trials()).extracting(SweepPlan.Trial::parameters).containsExactlyElementsOf(
                two.trials().stream().map(SweepPlan.Trial::parameters).toList());
        assertThat(one.trials().stream().map(SweepPlan.Trial::parameters).toList())
                .isNotEqualTo(other.trials().stream().map(SweepPlan.Trial::parameters).toList());
        assertThat(one.seed()).isEqualTo(42L);
        assertThat(one.trials()).allSatisfy(t -> {
            assertThat((Integer) t.parameters().get("ema_fast")).isBetween(3, 12);
            assertThat((Integer) t.parameters().get("ema_slow")).isBetween(20, 60);
            assertThat((BigDecimal) t.parameters().get("atr_multiple")).isBetween(BigDecimal.ONE, new BigDecimal(3));
            assertThat(((BigDecimal) t.parameters().get("atr_multiple")).scale()).isLessThanOrEqualTo(SweepParameter.RANDOM_SCALE);
            assertThat(t.config().risk().riskPerTrade()).isBetween(new BigDecimal("0.002"), new BigDecimal("0.02"));
        });
        // both ends of a whole range are reachable
        SweepPlan wide = plan(request("random", request("ema_fast", request("min", 3, "max", 4)), "samples", 50, "seed", 1));
        assertThat(wide.trials()).extracting(t -> t.parameters().get("ema_fast")).contains(3, 4);
        // no seed: seed 1, recorded
        assertThat(plan(request("random", request("ema_fast", request("min", 3, "max", 4)), "samples", 5)).seed()).isEqualTo(1L);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        refused(request("grid", Map.of()), "grid", "'grid' names no parameter");
        refused(request("grid", request("ema_fast", List.of())), "grid.ema_fast", "'grid.ema_fast' lists no value");
        refused(request(), "grid", "a sweep needs 'grid'");
        refused(request("grid", request("ema_fast", List.of(5)), "random", request("ema_fast", request("min", 1, "max", 2))), "grid", "not both");
        refused(request("grid", request("ema_fastest", List.of(5))), "grid.ema_fastest", "unknown parameter 'ema_fastest'");
        refused(request("grid", request("ema_fast", List.of(5, 5))), "grid.ema_fast", "lists 5 twice");
        refused(request("grid", request("ema_fast", 5)), "grid.ema_fast", "must be a list");
        refused(request("grid", request("ema_fast", List.of("five"))), "grid.ema_fast", "must be a number from 1 to 98280");
        refused(request("grid", request("ema_fast", List.of(5)), "objective", "luck"), "objective",
                "'objective' must be one of sharpe, sortino, profit_factor, net_pnl, calmar, got 'luck'");
        refused(request("random", request("ema_fast", request("min", 9, "max", 5)), "samples", 3), "random.ema_fast", "min 9 above max 5");
        refused(request("random", request("ema_fast", request("min", 5)), "samples", 3), "random.ema_fast", "{\"min\": …, \"max\": …}");
        refused(request("random", request("exit_mode", request("min", 1, "max", 2)), "samples", 3), "random.exit_mode", "vary it with 'grid'");
        refused(request("random", request("ema_fast", request("min", 1, "max", 5))), "samples", "'samples' must be a whole number");
        refused(request("grid", request("ema_fast", List.of(5)), "seed", 3), "seed", "go with 'random'");
        refused(request("grid", request("ema_fast", List.of(5)), "walk_forward", request("in_sample_days", 0, "out_of_sample_days", 5)),
                "walk_forward.in_sample_days", "a whole number of sessions from 1 to 100000, got 0");
        refused(request("grid", request("ema_fast", List.of(5)), "walk_forward", request("in_sample_days", 10)),
                "walk_forward.out_of_sample_days", "is missing");
        refused(request("grid", request("ema_fast", List.of(5)), "walk_forward", request("in_sample_days", 10, "out_of_sample_days", 5,
                "steps", 5)), "walk_forward.steps", "not 'steps'");
        // a strategy's parameter in another strategy's sweep
        assertThatThrownBy(() -> SweepPlan.parse(request("grid", request("ema_fast", List.of(5))), PATTERN, 100))
                .hasMessageContaining("'ema_fast' is a parameter of strategy ema-cross; this sweep's strategy is pattern")
                .extracting("field").isEqualTo("grid.ema_fast");
    }

    @Test
    void tooManyTrialsAreRefusedWithTheCountAndTheLimit() {
        List<Integer> hundred = java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList();
        Map<String, Object> million = request("grid", request("atr_period", hundred, "ema_fast", hundred, "ema_slow",
                java.util.stream.IntStream.rangeClosed(101, 200).boxed().toList()));
        refused(million, "grid", "the grid makes 1,000,000 trials, more than the 10,000 a sweep may have (catalyst.sweep.max-trials)");
        assertThatThrownBy(() -> SweepPlan.parse(request("grid", request("ema_fast", List.of(1, 2, 3))), EMA, 2))
                .hasMessageContaining("3 trials, more than the 2");
        refused(request("random", request("ema_fast", request("min", 1, "max", 5)), "samples", 20_000), "samples",
                "'samples' asks for 20,000 trials, more than the 10,000");
    }

    @Test
    void foldsStepThroughTheSessionsAndOnlyWholeFoldsAreMade() {
        WalkForward wf = new WalkForward(10, 5, 5);
        assertThat(wf.folds(23)).containsExactly(new WalkForward.Fold(1, 0, 10, 10, 15), new WalkForward.Fold(2, 5, 15, 15, 20));
        assertThat(wf.folds(25)).hasSize(3).last().isEqualTo(new WalkForward.Fold(3, 10, 20, 20, 25));
        assertThat(wf.folds(15)).containsExactly(new WalkForward.Fold(1, 0, 10, 10, 15));
        assertThat(new WalkForward(4, 2, 1).folds(8)).extracting(WalkForward.Fold::inFrom).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> wf.folds(14)).isInstanceOf(SweepInputException.class)
                .hasMessage("a fold needs 15 sessions (in_sample_days 10 + out_of_sample_days 5), the data has 14")
                .extracting("field").isEqualTo("walk_forward");
        // the step defaults to the out-of-sample length: the out-of-sample windows tile
        assertThat(WalkForward.parse(request("in_sample_days", 10, "out_of_sample_days", 5)).stepDays()).isEqualTo(5);
    }

    private static void refused(Map<String, Object> request, String field, String message) {
        assertThatThrownBy(() -> plan(request)).as(field).isInstanceOf(SweepInputException.class).hasMessageContaining(message)
                .extracting("field").isEqualTo(field);
    }
}
