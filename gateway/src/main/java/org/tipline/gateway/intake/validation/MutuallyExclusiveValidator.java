package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link MutuallyExclusive}: reports every component given after the first. */
public class MutuallyExclusiveValidator implements ConstraintValidator<MutuallyExclusive, Record> {

    private String[] names;

    @Override
    public void initialize(MutuallyExclusive annotation) {
        names = annotation.value();
    }

    @Override
    public boolean isValid(Record value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        boolean seen = false;
        for (String name : names) {
            if (RuleContext.isPresent(RuleContext.read(value, name))) {
                if (seen) {
                    rules.violation(ViolationCode.MUTUALLY_EXCLUSIVE, name);
                }
                seen = true;
            }
        }
        return rules.valid();
    }
}
