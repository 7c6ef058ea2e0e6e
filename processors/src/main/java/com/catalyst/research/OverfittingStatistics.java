package com.catalyst.research;

import java.util.Iterator;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * How much of a sweep's best result is luck: the two statistics a sweep reports beside its best trial.
 * <ul>
 *   <li><b>Deflated Sharpe ratio</b> (Bailey and López de Prado, "The Deflated Sharpe Ratio", Journal of Portfolio
 *       Management 40(5), 2014): the probability that the best trial's true Sharpe ratio exceeds what the best of that
 *       many trials would show by chance alone, allowing for the length of the record and the skew and fat tails of
 *       its returns. Above 0.95 the best trial is unlikely to be luck.</li>
 *   <li><b>Probability of backtest overfitting</b> by combinatorially symmetric cross-validation (Bailey, Borwein,
 *       López de Prado and Zhu, "The Probability of Backtest Overfitting", Journal of Computational Finance 20(4),
 *       2017; working paper 2015): the record is cut into S blocks; for every way of choosing half of them as in-sample,
 *       the trial best in-sample is ranked out-of-sample; PBO is the share of choices where it falls in the lower half.
 *       Near 0: what wins in-sample keeps winning; near 0.5 or above: the selection is no better than chance.</li>
 * </ul>
 * Per-period figures throughout (not annualized): the Sharpe ratio of a series of period returns is its mean over its
 * standard deviation. Pure functions of their input: the same sweep gives the same figures.
 */
public final class OverfittingStatistics {

    /** The Euler–Mascheroni constant, in the expected maximum of many normal draws. */
    static final double EULER_MASCHERONI = 0.5772156649015329;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private OverfittingStatistics() {
    }

    /** Mean over sample standard deviation; 0 for a series without spread. */
    public static double sharpe(double[] returns) {
        if (returns.length < 2) {
            return 0;
        }
        double sd = new StandardDeviation().evaluate(returns);
        return sd == 0 ? 0 : new Mean().evaluate(returns) / sd;
    }

    /**
     * The Sharpe ratio the best of {@code trials} would reach with no skill at all, when the trials' Sharpe ratios vary
     * with {@code sharpeVariance}: √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), γ the Euler–Mascheroni constant.
     */
    public static double expectedMaxSharpe(int trials, double sharpeVariance) {
        if (trials < 2) {
            return 0;
        }
        double z = (1 - EULER_MASCHERONI) * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1.0 / trials)
                + EULER_MASCHERONI * STANDARD_NORMAL.inverseCumulativeProbability(1 - 1.0 / (trials * Math.E));
        return Math.sqrt(sharpeVariance) * z;
    }

    /**
     * The probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds {@code benchmark}, given the
     * observed {@code sharpe} over {@code observations} returns of {@code skewness} and (non-excess) {@code kurtosis}.
     */
    public static double probabilisticSharpe(double sharpe, double benchmark, int observations, double skewness, double kurtosis) {
        double spread = 1 - skewness * sharpe + (kurtosis - 1) / 4 * sharpe * sharpe;
        if (observations < 2 || spread <= 0) {
            return Double.NaN;
        }
        return STANDARD_NORMAL.cumulativeProbability((sharpe - benchmark) * Math.sqrt(observations - 1) / Math.sqrt(spread));
    }

    /**
     * The deflated Sharpe ratio of the chosen trial, whose period returns are {@code chosenReturns}, among trials whose
     * Sharpe ratios were {@code trialSharpes} (the chosen one included). With one trial it is the probabilistic Sharpe
     * ratio against zero. NaN when the record is too short to say (fewer than 3 returns).
     */
    public static double deflatedSharpe(double[] chosenReturns, double[] trialSharpes) {
        if (chosenReturns.length < 3) {
            return Double.NaN;
        }
        double benchmark = trialSharpes.length < 2 ? 0 : expectedMaxSharpe(trialSharpes.length, new Variance().evaluate(trialSharpes));
        // commons-math's Kurtosis is the excess kurtosis; the formula takes the kurtosis itself (3 for a normal)
        double skewness = new Skewness().evaluate(chosenReturns);
        double kurtosis = chosenReturns.length < 4 ? 3 : new Kurtosis().evaluate(chosenReturns) + 3;
        return probabilisticSharpe(sharpe(chosenReturns), benchmark, chosenReturns.length, orZero(skewness), Double.isNaN(kurtosis) ? 3 : kurtosis);
    }

    /**
     * The probability of backtest overfitting of choosing, by Sharpe ratio, among the columns of {@code returns}
     * ({@code returns[t][n]}: period t of trial n, every trial over the same periods), by combinatorially symmetric
     * cross-validation over {@code blocks} contiguous blocks of periods (even, at least 2; 16 in the paper). For each of
     * the C(S, S/2) halves, the trial with the best in-sample Sharpe ratio is ranked among all trials out of sample;
     * its relative rank ω (in (0, 1)) gives the logit λ = ln(ω / (1 − ω)), and PBO is the share of halves with λ ≤ 0.
     *
     * @throws IllegalArgumentException for fewer than 2 trials, an odd block count, or fewer periods than blocks
     */
    public static double probabilityOfBacktestOverfitting(double[][] returns, int blocks) {
        if (blocks < 2 || blocks % 2 != 0) {
            throw new IllegalArgumentException("blocks must be even and at least 2, got " + blocks);
        }
        int periods = returns.length;
        if (periods < blocks) {
            throw new IllegalArgumentException("need at least as many periods as blocks: " + periods + " periods, " + blocks + " blocks");
        }
        int trials = returns[0].length;
        if (trials < 2) {
            throw new IllegalArgumentException("need at least 2 trials to choose among, got " + trials);
        }
        int[][] blockPeriods = new int[blocks][];
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) periods * b / blocks);
            int to = (int) ((long) periods * (b + 1) / blocks);
            blockPeriods[b] = java.util.stream.IntStream.range(from, to).toArray();
        }
        int overfit = 0;
        int combinations = 0;
        Iterator<int[]> halves = CombinatoricsUtils.combinationsIterator(blocks, blocks / 2);
        while (halves.hasNext()) {
            int[] inSample = halves.next();
            boolean[] isIn = new boolean[blocks];
            for (int b : inSample) {
                isIn[b] = true;
            }
            double[] inSharpe = new double[trials];
            double[] outSharpe = new double[trials];
            for (int n = 0; n < trials; n++) {
                inSharpe[n] = sharpe(column(returns, blockPeriods, isIn, true, n));
                outSharpe[n] = sharpe(column(returns, blockPeriods, isIn, false, n));
            }
            int best = 0;
            for (int n = 1; n < trials; n++) {
                if (inSharpe[n] > inSharpe[best]) {
                    best = n;
                }
            }
            // relative rank of the in-sample best among the out-of-sample results, in (0, 1): (rank) / (N + 1)
            int below = 0;
            for (int n = 0; n < trials; n++) {
                if (outSharpe[n] < outSharpe[best]) {
                    below++;
                }
            }
            double omega = (below + 1.0) / (trials + 1.0);
            if (Math.log(omega / (1 - omega)) <= 0) {
                overfit++;
            }
            combinations++;
        }
        return (double) overfit / combinations;
    }

    /** One trial's returns over the blocks on one side of the split, in time order. */
    private static double[] column(double[][] returns, int[][] blockPeriods, boolean[] isIn, boolean in, int trial) {
        int size = 0;
        for (int b = 0; b < blockPeriods.length; b++) {
            if (isIn[b] == in) {
                size += blockPeriods[b].length;
            }
        }
        double[] out = new double[size];
        int i = 0;
        for (int b = 0; b < blockPeriods.length; b++) {
            if (isIn[b] == in) {
                for (int t : blockPeriods[b]) {
                    out[i++] = returns[t][trial];
                }
            }
        }
        return out;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
