package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.Hash;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link ValidHash}. */
public class ValidHashValidator implements ConstraintValidator<ValidHash, Hash> {

    @Override
    public boolean isValid(Hash value, ConstraintValidatorContext context) {
        if (value == null || value.type() == null || value.value() == null || value.type().accepts(value.value())) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        rules.explained(ViolationCode.INVALID_FORMAT, "hash", "value");
        return rules.valid();
    }
}
