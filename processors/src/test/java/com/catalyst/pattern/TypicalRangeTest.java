package com.catalyst.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TypicalRangeTest {

    private static double sortedMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    @Test
    void theSelectedMedianIsTheSortedOneForOddAndEvenLengthsWithTiesAndRuns() {
        SplittableRandom random = new SplittableRandom(20261208L);
        for (int n = 1; n <= 600; n++) {
            for (int shape = 0; shape < 4; shape++) {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = switch (shape) {
                        case 0 -> random.nextDouble(0, 5);                 // distinct
                        case 1 -> random.nextInt(4) * 0.01;               // many ties, as cent ranges are
                        case 2 -> i * 0.01;                              // already sorted
                        default -> (n - i) * 0.01 + (i % 3 == 0 ? 0.5 : 0); // descending with spikes
                    };
                }
                double expected = sortedMedian(values);
                assertThat(TypicalRange.median(values)).as("n=%d shape=%d", n, shape).isEqualTo(expected);
            }
        }
    }
}
