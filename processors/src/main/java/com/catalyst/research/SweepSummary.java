package com.catalyst.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a sweep concludes from its trials' outcomes: the ranking by the objective (ties to the lower trial number),
 * the best trial, each walk-forward fold's choice (the trial best in its in-sample window) with that trial's
 * out-of-sample figures, the out-of-sample equity stitched from the choices, and the two overfitting statistics
 * ({@link OverfittingStatistics}): the deflated Sharpe ratio of the best trial's per-session returns among all the
 * trials, and the probability of backtest overfitting by CSCV over the trials' per-session returns.
 * A pure function of the outcomes: the same trials give the same summary.
 */
public record SweepSummary(List<Integer> ranking, Integer bestTrial, List<FoldResult> folds, List<StitchedPoint> stitchedEquity,
                           Double outOfSampleReturnPct, Double deflatedSharpe, Double pbo, Integer pboBlocks) {

    /** The most blocks CSCV cuts the sessions into (the paper's 16). */
    public static final int MAX_PBO_BLOCKS = 16;
    /** CSCV's work, splits × trials × sessions, at most this: beyond it fewer blocks are cut (C(16, 8) is 12,870 splits). */
    static final long PBO_BUDGET = 2_000_000_000L;

    /** A fold: its windows' first and last sessions, the trial chosen in-sample, its in-sample objective and out-of-sample figures. */
    public record FoldResult(int foldNo, LocalDate inSampleFrom, LocalDate inSampleTo, LocalDate outOfSampleFrom, LocalDate outOfSampleTo,
                             int chosenTrial, Map<String, Object> chosenParameters, Double inSampleObjective, TrialFigures outOfSample) {
    }

    /** The stitched out-of-sample account at a session's close, and the fold whose choice traded it. */
    public record StitchedPoint(LocalDate session, int foldNo, BigDecimal equity) {
    }

    /**
     * @param outcomes the trials run (null entries, left by a cancel, are skipped), any order
     * @param sessions the run's sessions in order
     */
    public static SweepSummary of(SweepPlan plan, List<TrialOutcome> outcomes, List<LocalDate> sessions, List<WalkForward.Fold> folds,
                                  BigDecimal startingCash) {
        List<TrialOutcome> done = outcomes.stream().filter(Objects::nonNull).sorted(Comparator.comparingInt(TrialOutcome::trialNo)).toList();
        if (done.isEmpty()) {
            return new SweepSummary(List.of(), null, List.of(), List.of(), null, null, null, null);
        }
        Objective objective = plan.objective();
        List<Integer> ranking = ranked(done, o -> o.inSample(), objective).stream().map(TrialOutcome::trialNo).toList();
        TrialOutcome best = done.stream().filter(o -> o.trialNo() == ranking.get(0)).findFirst().orElseThrow();

        List<FoldResult> foldResults = new ArrayList<>();
        List<StitchedPoint> stitched = new ArrayList<>();
        double equity = startingCash.doubleValue();
        int last = -1;
        for (WalkForward.Fold fold : folds) {
            int index = fold.foldNo() - 1;
            TrialOutcome chosen = ranked(done, o -> o.folds().get(index).inSample(), objective).get(0);
            TrialOutcome.FoldFigures figures = chosen.folds().get(index);
            foldResults.add(new FoldResult(fold.foldNo(), sessions.get(fold.inFrom()), sessions.get(fold.inTo() - 1), sessions.get(fold.outFrom()),
                    sessions.get(fold.outTo() - 1), chosen.trialNo(), chosen.parameters(), figures.inSample().objective(objective),
                    figures.outOfSample()));
            for (int i = Math.max(fold.outFrom(), last + 1); i < fold.outTo(); i++) {
                equity *= 1 + chosen.sessionReturns()[i];
                stitched.add(new StitchedPoint(sessions.get(i), fold.foldNo(), BigDecimal.valueOf(equity).setScale(2, RoundingMode.HALF_EVEN)));
                last = i;
            }
        }
        Double oosReturn = stitched.isEmpty() ? null : (equity / startingCash.doubleValue() - 1) * 100;

        double[] sharpes = done.stream().mapToDouble(o -> OverfittingStatistics.sharpe(o.sessionReturns())).toArray();
        Double deflated = finite(OverfittingStatistics.deflatedSharpe(best.sessionReturns(), sharpes));
        int periods = sessions.size();
        int blocks = pboBlocks(periods, done.size());
        Double pbo = null;
        if (done.size() >= 2 && blocks >= 2) {
            double[][] matrix = new double[periods][done.size()];
            for (int n = 0; n < done.size(); n++) {
                for (int t = 0; t < periods; t++) {
                    matrix[t][n] = done.get(n).sessionReturns()[t];
                }
            }
            pbo = OverfittingStatistics.probabilityOfBacktestOverfitting(matrix, blocks);
        }
        return new SweepSummary(ranking, best.trialNo(), List.copyOf(foldResults), List.copyOf(stitched), oosReturn, deflated, pbo,
                pbo == null ? null : blocks);
    }

    /**
     * The blocks CSCV cuts {@code periods} sessions into: 16, or the largest even number of sessions below it, and fewer
     * again while C(S, S/2) splits × {@code trials} × {@code periods} is over {@link #PBO_BUDGET} (10,000 trials over a
     * year: 10 blocks, 252 splits), so that the statistic costs seconds (about 15 s for 10,000 trials of a year on 2 cores), not hours. Below 2, no PBO.
     */
    static int pboBlocks(int periods, int trials) {
        int blocks = Math.min(MAX_PBO_BLOCKS, periods - periods % 2);
        while (blocks > 2 && org.apache.commons.math3.util.CombinatoricsUtils.binomialCoefficient(blocks, blocks / 2) * (long) trials * periods
                > PBO_BUDGET) {
            blocks -= 2;
        }
        return blocks;
    }

    /** The outcomes best first by the objective over {@code figures}, ties to the lower trial number. */
    static List<TrialOutcome> ranked(List<TrialOutcome> outcomes, Function<TrialOutcome, TrialFigures> figures, Objective objective) {
        return outcomes.stream().sorted(Comparator.<TrialOutcome>comparingDouble(o -> -objective.rankValue(figures.apply(o)))
                .thenComparingInt(TrialOutcome::trialNo)).toList();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
