package com.catalyst.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The overfitting statistics against what they claim, on seeded simulations: the expected maximum against the
 * simulated maximum of normal draws; the deflated Sharpe ratio's false-alarm rate among skill-less trials near its
 * 5 % and a real edge recognised; PBO near one half when nothing has skill and near zero when one trial has.
 */
class OverfittingStatisticsTest {

    @Test
    void theExpectedMaximumIsTheSimulatedMaximumOfThatManyNormalDraws() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trials : new int[] {10, 100, 1000}) {
            double sum = 0;
            int runs = 4000;
            for (int r = 0; r < runs; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < trials; n++) {
                    max = Math.max(max, gaussian(random));
                }
                sum += max;
            }
            // the paper's approximation is within a few per cent of the true expectation (E[max of 100] = 2.5076)
            assertThat(OverfittingStatistics.expectedMaxSharpe(trials, 1.0)).as("N = " + trials).isCloseTo(sum / runs, within(0.06 * sum / runs));
        }
        assertThat(OverfittingStatistics.expectedMaxSharpe(100, 4.0)).isCloseTo(2 * OverfittingStatistics.expectedMaxSharpe(100, 1.0), within(1e-12));
        assertThat(OverfittingStatistics.expectedMaxSharpe(1, 1.0)).isZero();
    }

    @Test
    void amongSkilllessTrialsTheBestPassesAt95PerCentAboutOnceIn20() {
        SplittableRandom random = new SplittableRandom(11);
        int experiments = 400;
        int trials = 50;
        int periods = 250;
        int passed = 0;
        int naivePassed = 0;
        for (int e = 0; e < experiments; e++) {
            double[][] series = new double[trials][periods];
            double[] sharpes = new double[trials];
            int best = 0;
            for (int n = 0; n < trials; n++) {
                for (int t = 0; t < periods; t++) {
                    series[n][t] = 0.01 * gaussian(random);
                }
                sharpes[n] = OverfittingStatistics.sharpe(series[n]);
                if (sharpes[n] > sharpes[best]) {
                    best = n;
                }
            }
            if (OverfittingStatistics.deflatedSharpe(series[best], sharpes) > 0.95) {
                passed++;
            }
            // the best trial judged as if it had been the only one: nearly always "significant"
            if (OverfittingStatistics.deflatedSharpe(series[best], new double[] {sharpes[best]}) > 0.95) {
                naivePassed++;
            }
        }
        assertThat((double) passed / experiments).as("false alarms of the deflated Sharpe ratio").isBetween(0.0, 0.12);
        assertThat((double) naivePassed / experiments).as("false alarms without deflation").isGreaterThan(0.6);
    }

    @Test
    void aRealEdgeSurvivesTheDeflation() {
        SplittableRandom random = new SplittableRandom(13);
        int trials = 50;
        int periods = 500;
        double[][] series = new double[trials][periods];
        double[] sharpes = new double[trials];
        for (int n = 0; n < trials; n++) {
            double drift = n == 0 ? 0.003 : 0; // a Sharpe ratio of 0.3 a period for the first trial, none for the others
            for (int t = 0; t < periods; t++) {
                series[n][t] = drift + 0.01 * gaussian(random);
            }
            sharpes[n] = OverfittingStatistics.sharpe(series[n]);
        }
        assertThat(Arrays.stream(sharpes).max().orElseThrow()).isEqualTo(sharpes[0]);
        assertThat(OverfittingStatistics.deflatedSharpe(series[0], sharpes)).isGreaterThan(0.99);
    }

    @Test
    void pboIsAboutOneHalfWithoutSkillAndNearZeroWithIt() {
        SplittableRandom random = new SplittableRandom(17);
        int periods = 320;
        int trials = 20;
        double[][] noise = new double[periods][trials];
        double[][] oneGood = new double[periods][trials];
        for (int t = 0; t < periods; t++) {
            for (int n = 0; n < trials; n++) {
                noise[t][n] = 0.01 * gaussian(random);
                oneGood[t][n] = (n == 3 ? 0.004 : 0) + 0.01 * gaussian(random);
            }
        }
        assertThat(OverfittingStatistics.probabilityOfBacktestOverfitting(noise, 10)).isBetween(0.3, 0.7);
        assertThat(OverfittingStatistics.probabilityOfBacktestOverfitting(oneGood, 10)).isLessThan(0.05);
        // deterministic: the same matrix, the same figure
        assertThat(OverfittingStatistics.probabilityOfBacktestOverfitting(noise, 10))
                .isEqualTo(OverfittingStatistics.probabilityOfBacktestOverfitting(noise, 10));
    }

    @Test
    void badShapesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> OverfittingStatistics.probabilityOfBacktestOverfitting(new double[10][5], 3)).hasMessageContaining("even");
        assertThatThrownBy(() -> OverfittingStatistics.probabilityOfBacktestOverfitting(new double[4][5], 8)).hasMessageContaining("periods");
        assertThatThrownBy(() -> OverfittingStatistics.probabilityOfBacktestOverfitting(new double[10][1], 2)).hasMessageContaining("2 trials");
        assertThat(OverfittingStatistics.deflatedSharpe(new double[] {0.01, 0.02}, new double[] {1})).isNaN();
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller from the seeded generator: the same draws on every JDK
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
