package com.catalyst.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PricesTest {

    /** Value and scale, as BigDecimal.equals compares them: what a JSON answer or a stored row would show. */
    private static void sameAsValueOf(double price) {
        assertThat(Prices.decimal(price)).as("price %s", price).isEqualTo(BigDecimal.valueOf(price));
    }

    @Test
    void pricesOfUpToFourDecimalPlacesGiveWhatValueOfGivesScaleIncluded() {
        SplittableRandom random = new SplittableRandom(20261208L);
        for (int i = 0; i < 1_000_000; i++) {
            int places = random.nextInt(5);
            // 0.001 up to ten million, spread over the magnitudes
            long units = (long) Math.pow(10, random.nextDouble(0, 10)) + random.nextLong(1000);
            double price = units / Math.pow(10, places);
            sameAsValueOf(random.nextBoolean() ? price : -price);
        }
    }

    @Test
    void otherDoublesFallBackToValueOf() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 100_000; i++) {
            sameAsValueOf(random.nextDouble(0.001, 1e7) * (1 + 0.0005)); // a slipped fill
        }
        for (double edge : new double[] {0.0, -0.0, 0.001, 0.0009, 0.0001, 9_999_999.9999, 10_000_000.0, 1e7 + 0.5, 123.45, 150.0,
                150.5, 1e-10, 5e-324, Double.MAX_VALUE, -42.1234}) {
            sameAsValueOf(edge);
        }
        assertThat(Prices.decimal(150.0).scale()).isEqualTo(1);
        assertThat(Prices.decimal(0.0015).scale()).isEqualTo(4);
    }

    @Test
    void notANumberIsRefusedAsValueOfRefusesIt() {
        assertThatThrownBy(() -> Prices.decimal(Double.NaN)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Prices.decimal(Double.POSITIVE_INFINITY)).isInstanceOf(NumberFormatException.class);
    }
}
