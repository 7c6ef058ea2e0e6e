package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.catalyst.risk.RiskDecision;

import com.catalyst.risk.Verdict;
/** The exit modes: which trail an approved entry gets, and the settings refused with the name of the setting. */
class ExitSettingsTest {

    private static RiskDecision decision(Map<String, Object> numbers) {
        return new RiskDecision("AAA", PositionSide.LONG, Verdict.APPROVED, 100, 100, new BigDecimal("50.00"), new BigDecimal("48.50"),
                new BigDecimal("53.00"), new BigDecimal("150.00"), "bull_flag", "within limits", numbers);
    }

    @Test
    void bracketGivesNoTrailAndTheTrailingModesGiveTheirs() {
        assertThat(ExitSettings.BRACKET.trailFor(decision(Map.of("atr", 0.4)))).isNull();
        assertThat(ExitSettings.BRACKET.trailing()).isFalse();
        assertThat(ExitSettings.of("trailing-percent", 1.5, 2).trailFor(decision(Map.of()))).isEqualTo(Trail.percent(new BigDecimal("1.5")));
        // ATR 0.4371 × 1.5 = 0.65565: dollars rounded to the cent
        assertThat(ExitSettings.of("trailing-atr", 2, 1.5).trailFor(decision(Map.of("atr", 0.4371))).price()).isEqualByComparingTo("0.66");
    }

    @Test
    void withoutAnAtrTheAtrTrailIsTheFixedStopsDistanceAndNeverUnderACent() {
        ExitSettings atr = ExitSettings.of("trailing-atr", 2, 2);
        assertThat(atr.trailFor(decision(Map.of())).price()).isEqualByComparingTo("1.50");
        assertThat(atr.trailFor(new BigDecimal("1.00"), new BigDecimal("0.999"), Double.NaN).price()).isEqualByComparingTo("0.01");
        assertThat(atr.trailFor(new BigDecimal("1.00"), new BigDecimal("0.90"), 0.001).price()).isEqualByComparingTo("0.01");
        // a short's fixed stop is above its entry: the same distance
        assertThat(atr.trailFor(new BigDecimal("20.00"), new BigDecimal("21.50"), Double.NaN).price()).isEqualByComparingTo("1.50");
    }

    @Test
    void aSettingOutOfItsRangeIsRefusedNamingIt() {
        assertThatThrownBy(() -> ExitSettings.of("trailing", 2, 2)).hasMessageContaining("catalyst.trading.exit.mode")
                .hasMessageContaining("bracket, trailing-percent or trailing-atr");
        assertThatThrownBy(() -> ExitSettings.of("trailing-percent", 0, 2)).hasMessageContaining("catalyst.trading.exit.trail-percent");
        assertThatThrownBy(() -> ExitSettings.of("trailing-atr", 2, 21)).hasMessageContaining("catalyst.trading.exit.trail-atr-multiple");
    }

    @Test
    void aTrailFollowsTheMarkByPercentOrByDollars() {
        assertThat(Trail.percent(new BigDecimal("2")).stopBelow(new BigDecimal("50"))).isEqualByComparingTo("49.00");
        assertThat(Trail.price(new BigDecimal("0.75")).stopBelow(new BigDecimal("50"))).isEqualByComparingTo("49.25");
        // a short's stop sits as far above its low-water mark; the side of the trailing stop order picks which
        assertThat(Trail.percent(new BigDecimal("2")).stopAbove(new BigDecimal("50"))).isEqualByComparingTo("51.00");
        assertThat(Trail.price(new BigDecimal("0.75")).stopFor(OrderSide.BUY, new BigDecimal("50"))).isEqualByComparingTo("50.75");
        assertThat(Trail.price(new BigDecimal("0.75")).stopFor(OrderSide.SELL, new BigDecimal("50"))).isEqualByComparingTo("49.25");
        assertThatThrownBy(() -> Trail.percent(new BigDecimal("100"))).hasMessageContaining("below 100");
        assertThatThrownBy(() -> Trail.price(BigDecimal.ZERO)).hasMessageContaining("positive");
    }
}
