package com.catalyst.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RiskLimitsChangeTest {

    private static final RiskLimits CONFIGURED = new RiskLimits(new BigDecimal("0.01"), 5, new BigDecimal("0.25"), new BigDecimal("5"),
            new BigDecimal("2000"), 2.0, 2.0, BigDecimal.ONE, 5, 15);

    @Test
    void changesOnlyTheNamedLimitsAndKeepsTheRest() {
        Map<String, Object> checked = RiskLimitsChange.checked(Map.of("max_open_positions", 3, "risk_per_trade", 0.005));

        RiskLimits after = RiskLimitsChange.apply(CONFIGURED, checked);

        assertThat(after.maxOpenPositions()).isEqualTo(3);
        assertThat(after.riskPerTrade()).isEqualByComparingTo("0.005");
        Map<String, Object> before = RiskLimitsChange.describe(CONFIGURED);
        Map<String, Object> now = RiskLimitsChange.describe(after);
        for (String name : before.keySet()) {
            if (!Set.of("max_open_positions", "risk_per_trade").contains(name)) {
                assertThat(now.get(name)).as(name).isEqualTo(before.get(name));
            }
        }
    }

    @Test
    void describeAndApplyRoundTripEveryField() {
        Map<String, Object> all = RiskLimitsChange.checked(RiskLimitsChange.describe(CONFIGURED));

        assertThat(all.keySet()).containsExactlyElementsOf(java.util.Arrays.stream(RiskLimit.values()).map(RiskLimit::key).toList());
        assertThat(RiskLimitsChange.apply(CONFIGURED, all)).isEqualTo(CONFIGURED);
    }

    @Test
    void everyFieldRefusesJustOutsideItsRangeAndTakesItsBounds() {
        for (RiskLimit field : RiskLimit.values()) {
            double min = field.min().doubleValue();
            double max = field.max().doubleValue();
            // a zero minimum (max_short_exposure_share: 0 is no shorts) has nothing between it and zero: one below it
            double below = field.whole() || min == 0 ? min - 1 : min / 2;
            assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of(field.key(), below))).as(field.key())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field.key() + " must be " + field.range());
            assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of(field.key(), max + 1))).as(field.key())
                    .hasMessageContaining(field.key());
            Object low = field.whole() ? (Object) (int) min : (Object) min;
            Object high = field.whole() ? (Object) (int) max : (Object) max;
            RiskLimits atLow = RiskLimitsChange.apply(CONFIGURED, RiskLimitsChange.checked(Map.of(field.key(), low)));
            RiskLimits atHigh = RiskLimitsChange.apply(CONFIGURED, RiskLimitsChange.checked(Map.of(field.key(), high)));
            assertThat(new BigDecimal(RiskLimitsChange.describe(atLow).get(field.key()).toString())).isEqualByComparingTo(field.min());
            assertThat(new BigDecimal(RiskLimitsChange.describe(atHigh).get(field.key()).toString())).isEqualByComparingTo(field.max());
        }
    }

    @Test
    void refusesUnknownNamesWrongTypesFractionsOfWholeLimitsAndNothing() {
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("max_leverage", 2)))
                .hasMessageContaining("unknown risk limit 'max_leverage'").hasMessageContaining("max_open_positions");
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("max_open_positions", 2.5)))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("risk_per_trade", "lots")))
                .hasMessageContaining("'lots', which is not a number");
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("risk_per_trade", true)))
                .hasMessageContaining("risk_per_trade must be 0.001 to 0.05");
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("min_price", null);
        assertThatThrownBy(() -> RiskLimitsChange.checked(withNull)).hasMessageContaining("got null");
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of())).hasMessageContaining("no limit to change");
    }

    @Test
    void aBadValueRefusesTheWholeChange() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("max_open_positions", 4);
        changes.put("risk_per_trade", 0.5);

        assertThatThrownBy(() -> RiskLimitsChange.checked(changes)).hasMessageContaining("risk_per_trade");
    }

    @Test
    void numbersAsTextAreReadAsNumbers() {
        Map<String, Object> checked = RiskLimitsChange.checked(Map.of("min_price", "7.50", "no_entry_first_minutes", "10"));

        assertThat(checked).containsEntry("no_entry_first_minutes", 10);
        assertThat((BigDecimal) checked.get("min_price")).isEqualByComparingTo("7.5");
        assertThat(List.copyOf(checked.keySet())).containsExactly("min_price", "no_entry_first_minutes");
    }

    // PUT /api/v1/risk/limits {"max_open_positions":"1e2000000000"} once ran the container out of memory comparing it
    @Test
    @org.junit.jupiter.api.Timeout(5)
    void hugeNumbersAreRefusedNamingTheLimitBeforeAnyComparison() {
        for (Object huge : List.of("1e2000000000", "-1e2000000000", "1e-2000000000", new BigDecimal("1e2000000000"), 1e300,
                Double.POSITIVE_INFINITY, Double.NaN, "9".repeat(5000))) {
            assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("max_open_positions", huge))).as("%.12s", String.valueOf(huge))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("max_open_positions must be 1 to 20")
                    .hasMessageContaining("which is not a number below 10^15");
        }
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("max_daily_loss", Map.of("a", 1)))).hasMessageContaining("got an object");
        assertThatThrownBy(() -> RiskLimitsChange.checked(Map.of("max_daily_loss", List.of(1)))).hasMessageContaining("got an array");
    }

    @Test
    void noChangeOrResetLiftsAKillSwitchThatTrippedToday() {
        RiskLimits tight = RiskLimitsChange.apply(CONFIGURED, RiskLimitsChange.checked(Map.of("max_daily_loss", 500)));
        BigDecimal lost600 = new BigDecimal("-600");

        // tripped at 500 in force: back to the configured 2,000 (a reset) or any raise would lift it
        assertThat(RiskLimitsChange.liftsKillSwitch(tight, CONFIGURED, lost600)).isTrue();
        assertThat(RiskLimitsChange.liftsKillSwitch(tight, RiskLimitsChange.apply(CONFIGURED,
                RiskLimitsChange.checked(Map.of("max_daily_loss", 700))), lost600)).isTrue();
        // reaching the limit exactly is tripped too
        assertThat(RiskLimitsChange.liftsKillSwitch(tight, CONFIGURED, new BigDecimal("-500"))).isTrue();
        // a raise that still leaves the loss over the limit, tightening, and any change while the switch is off are fine
        assertThat(RiskLimitsChange.liftsKillSwitch(tight, RiskLimitsChange.apply(CONFIGURED,
                RiskLimitsChange.checked(Map.of("max_daily_loss", 550))), lost600)).isFalse();
        assertThat(RiskLimitsChange.liftsKillSwitch(CONFIGURED, tight, lost600)).isFalse();
        assertThat(RiskLimitsChange.liftsKillSwitch(tight, CONFIGURED, new BigDecimal("-499.99"))).isFalse();
        assertThat(RiskLimitsChange.liftsKillSwitch(tight, CONFIGURED, null)).isFalse();
    }
}
