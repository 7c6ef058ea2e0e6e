package com.catalyst.technical;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingExtremeTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 14, 50})
    void equalsABruteForceScanOfTheWindow(int window) {
        Random random = new Random(window);
        double[] values = new double[5_000];
        SlidingExtreme max = SlidingExtreme.maximum(window);
        SlidingExtreme min = SlidingExtreme.minimum(window);
        for (int i = 0; i < values.length; i++) {
            // few distinct values, so ties and long monotonic runs both occur
            values[i] = i % 700 < 100 ? i : random.nextInt(20);
            max.push(values[i]);
            min.push(values[i]);
            double expectedMax = Double.NEGATIVE_INFINITY;
            double expectedMin = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                expectedMax = Math.max(expectedMax, values[j]);
                expectedMin = Math.min(expectedMin, values[j]);
            }
            assertThat(max.value()).as("max at %d", i).isEqualTo(expectedMax);
            assertThat(min.value()).as("min at %d", i).isEqualTo(expectedMin);
            assertThat(max.isFull()).isEqualTo(i + 1 >= window);
        }
    }
}
