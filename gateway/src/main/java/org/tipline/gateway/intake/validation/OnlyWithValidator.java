package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link OnlyWith}. */
public class OnlyWithValidator implements ConstraintValidator<OnlyWith, Record> {

    private String field;
    private String requires;

    @Override
    public void initialize(OnlyWith annotation) {
        field = annotation.field();
        requires = annotation.requires();
    }

    @Override
    public boolean isValid(Record value, ConstraintValidatorContext context) {
        if (value == null || !RuleContext.isPresent(RuleContext.read(value, field))
                || Boolean.TRUE.equals(RuleContext.read(value, requires))) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        rules.violation(ViolationCode.NOT_ALLOWED, field);
        return rules.valid();
    }
}
