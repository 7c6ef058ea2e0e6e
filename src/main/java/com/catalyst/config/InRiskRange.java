package com.catalyst.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import com.catalyst.risk.RiskLimit;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@code catalyst.risk.*} setting in its limit's range, as {@link RiskLimit} holds it: the same range the run-time
 * changes and the MCP tool use, so that start-up cannot take a value the trader could not set, nor the reverse.
 */
@Documented
@Constraint(validatedBy = InRiskRange.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface InRiskRange {

    RiskLimit value();

    String message() default "out of the risk limit's range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<InRiskRange, Number> {
        private RiskLimit limit;

        @Override
        public void initialize(InRiskRange annotation) {
            limit = annotation.value();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            if (value == null || limit.allows(new BigDecimal(value.toString()))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // no braces or dollar signs in the text: it is a message template
            context.buildConstraintViolationWithTemplate("must be " + limit.range() + " (" + limit.unit() + "); "
                    + limit.environmentVariable() + ": " + limit.description()).addConstraintViolation();
            return false;
        }
    }
}
