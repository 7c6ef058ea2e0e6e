package com.catalyst.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.backtest.BacktestResult;

/**
 * What a sweep keeps of a trial's backtest (the trades and samples themselves are let go): its figures over the
 * in-sample sessions (the whole period, or with walk-forward every session some fold has in-sample) and out of sample
 * (every session some fold has out of sample; null without walk-forward), its figures in each fold's two windows, and
 * its per-session returns and closing equity, which the overfitting statistics and the stitched equity read.
 */
public record TrialOutcome(int trialNo, Map<String, Object> parameters, TrialFigures inSample, TrialFigures outOfSample,
                           List<FoldFigures> folds, double[] sessionReturns, BigDecimal[] sessionEquity, long bars, long elapsedNanos) {

    /** The trial's figures in one fold's in-sample and out-of-sample windows. */
    public record FoldFigures(int foldNo, TrialFigures inSample, TrialFigures outOfSample) {
    }

    /** Reads {@code result} over {@code sessions} (the run's, in order) and the plan's folds (none without walk-forward). */
    public static TrialOutcome of(TrialSpec spec, BacktestResult result, List<LocalDate> sessions, List<WalkForward.Fold> folds) {
        if (result.equity().size() != sessions.size()) {
            throw new IllegalStateException("trial " + spec.trialNo() + " has " + result.equity().size() + " equity samples for " + sessions.size()
                    + " sessions");
        }
        List<FoldFigures> perFold = new ArrayList<>();
        java.util.BitSet in = new java.util.BitSet();
        java.util.BitSet out = new java.util.BitSet();
        for (WalkForward.Fold f : folds) {
            perFold.add(new FoldFigures(f.foldNo(), TrialFigures.of(result, sessions, f.inSample()), TrialFigures.of(result, sessions, f.outOfSample())));
            in.set(f.inFrom(), f.inTo());
            out.set(f.outFrom(), f.outTo());
        }
        int[] all = java.util.stream.IntStream.range(0, sessions.size()).toArray();
        TrialFigures inSample = TrialFigures.of(result, sessions, folds.isEmpty() ? all : in.stream().toArray());
        TrialFigures outOfSample = folds.isEmpty() ? null : TrialFigures.of(result, sessions, out.stream().toArray());
        BigDecimal[] equity = result.equity().stream().map(e -> e.equity()).toArray(BigDecimal[]::new);
        return new TrialOutcome(spec.trialNo(), spec.parameters(), inSample, outOfSample, List.copyOf(perFold), TrialFigures.sessionReturns(result),
                equity, result.bars(), result.elapsedNanos());
    }

    /** Same trial, same figures, same returns: what "the same result" means (the run's duration aside). */
    public boolean sameAs(TrialOutcome other) {
        return trialNo == other.trialNo && parameters.equals(other.parameters) && inSample.equals(other.inSample)
                && java.util.Objects.equals(outOfSample, other.outOfSample) && folds.equals(other.folds)
                && java.util.Arrays.equals(sessionReturns, other.sessionReturns) && java.util.Arrays.equals(sessionEquity, other.sessionEquity)
                && bars == other.bars;
    }
}
