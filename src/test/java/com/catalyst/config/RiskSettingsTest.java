package com.catalyst.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;

import com.catalyst.risk.RiskLimit;
import com.catalyst.risk.RiskLimitsChange;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** {@code catalyst.risk.*} at start-up takes its defaults and ranges from the one table of risk limits. */
class RiskSettingsTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void absentSettingsTakeTheTablesDefaults() {
        CatalystProperties.Risk none = new CatalystProperties.Risk(null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(validator.validate(none)).isEmpty();
        RiskLimitsChange.describe(none.limits()).forEach((key, value) -> assertThat(new BigDecimal(value.toString())).as(key)
                .isEqualByComparingTo(RiskLimit.byKey(key).orElseThrow().defaultValue()));
    }

    @Test
    void aValueOutsideItsLimitsRangeIsRefusedNamingTheRangeAndTheVariable() {
        CatalystProperties.Risk lax = new CatalystProperties.Risk(null, 21, null, null, null, 0.1, 0.5, new BigDecimal("4.5"), null, null,
                new BigDecimal("2.5"), null);

        Set<ConstraintViolation<CatalystProperties.Risk>> violations = validator.validate(lax);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("maxOpenPositions", "stopAtrMultiple", "rewardToRisk", "maxTotalExposureShare", "maxShortExposureShare");
        assertThat(violations).filteredOn(v -> v.getPropertyPath().toString().equals("rewardToRisk")).singleElement()
                .satisfies(v -> assertThat(v.getMessage()).startsWith("must be 1 to 10").contains("CATALYST_RISK_REWARD_TO_RISK"));
        assertThat(violations).filteredOn(v -> v.getPropertyPath().toString().equals("maxOpenPositions")).singleElement()
                .satisfies(v -> assertThat(v.getMessage()).startsWith("must be 1 to 20, a whole number"));
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        CatalystProperties.Risk edges = new CatalystProperties.Risk(RiskLimit.RISK_PER_TRADE.max(), 20, RiskLimit.MAX_DAILY_LOSS.min(),
                RiskLimit.MAX_POSITION_SHARE.min(), RiskLimit.MIN_PRICE.max(), 0.5, 1.0, RiskLimit.MAX_TOTAL_EXPOSURE_SHARE.max(), 0, 120,
                RiskLimit.MAX_SHORT_EXPOSURE_SHARE.min(), RiskLimit.MAX_SHORT_POSITION_SHARE.max());

        assertThat(validator.validate(edges)).isEmpty();
    }
}
