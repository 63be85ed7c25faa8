package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.Verifiable;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link VerifiedAtOnlyIfVerified}. */
public class VerifiedAtOnlyIfVerifiedValidator implements ConstraintValidator<VerifiedAtOnlyIfVerified, Verifiable> {

    @Override
    public boolean isValid(Verifiable value, ConstraintValidatorContext context) {
        if (value == null || value.verifiedAt() == null || Boolean.TRUE.equals(value.verified())) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        rules.explained(ViolationCode.NOT_ALLOWED, "verifiedAt", "verifiedAt");
        return rules.valid();
    }
}
