package com.catalyst.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class NumberBoundsTest {

    @Test
    void takesTheNumbersARequestCarries() {
        assertThat(NumberBounds.decimal(3)).isEqualByComparingTo("3");
        assertThat(NumberBounds.decimal(0.004)).isEqualByComparingTo("0.004");
        assertThat(NumberBounds.decimal(new BigDecimal("49.95"))).isEqualByComparingTo("49.95");
        assertThat(NumberBounds.decimal(" 2000 ")).isEqualByComparingTo("2000");
        assertThat(NumberBounds.decimal("1e3")).isEqualByComparingTo("1000");
        assertThat(NumberBounds.decimal("0E-2000000000")).isEqualByComparingTo("0");
        assertThat(NumberBounds.decimal("999999999999999.99999999999999999999")).isNotNull();
        assertThat(NumberBounds.decimal("0.30000000000000004")).isNotNull();
    }

    // each of these would take gigabytes (or minutes) to compare or print in full if it were let through
    @Test
    @Timeout(5)
    void refusesHugeExponentsCheaply() {
        assertThat(NumberBounds.decimal("1e2000000000")).isNull();
        assertThat(NumberBounds.decimal("-1e2000000000")).isNull();
        assertThat(NumberBounds.decimal("1e-2000000000")).isNull();
        assertThat(NumberBounds.decimal(new BigDecimal("1e2000000000"))).isNull();
        assertThat(NumberBounds.bounded(new BigDecimal(BigInteger.ONE, -2_000_000_000))).isFalse();
        assertThat(NumberBounds.bounded(new BigDecimal(BigInteger.ONE, 2_000_000_000))).isFalse();
    }

    @Test
    void refusesWhatIsNoBoundedNumber() {
        assertThat(NumberBounds.decimal("1e15")).isNull();
        assertThat(NumberBounds.decimal("-1000000000000000")).isNull();
        assertThat(NumberBounds.decimal("0.000000000000000000001")).isNull();
        assertThat(NumberBounds.decimal("1".repeat(65))).isNull();
        assertThat(NumberBounds.decimal(new BigInteger("9".repeat(30)))).isNull();
        assertThat(NumberBounds.decimal(Double.NaN)).isNull();
        assertThat(NumberBounds.decimal(Double.POSITIVE_INFINITY)).isNull();
        assertThat(NumberBounds.decimal(1e300)).isNull();
        assertThat(NumberBounds.decimal("NaN")).isNull();
        assertThat(NumberBounds.decimal("lots")).isNull();
        assertThat(NumberBounds.decimal("")).isNull();
        assertThat(NumberBounds.decimal(null)).isNull();
        assertThat(NumberBounds.decimal(true)).isNull();
    }

    @Test
    void boundsDoubles() {
        assertThat(NumberBounds.bounded(1.5)).isTrue();
        assertThat(NumberBounds.bounded(-999_999_999_999_999.0)).isTrue();
        assertThat(NumberBounds.bounded(1e15)).isFalse();
        assertThat(NumberBounds.bounded(Double.NaN)).isFalse();
        assertThat(NumberBounds.bounded(Double.NEGATIVE_INFINITY)).isFalse();
    }
}
