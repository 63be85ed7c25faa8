package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.AccountStatus;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link PermanentSuspension}. */
public class PermanentSuspensionValidator implements ConstraintValidator<PermanentSuspension, AccountStatus> {

    @Override
    public boolean isValid(AccountStatus value, ConstraintValidatorContext context) {
        if (value == null || value.reenabledAt() == null) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        rules.explained(ViolationCode.NOT_ALLOWED, "reenabledPermanent", "reenabledAt");
        return rules.valid();
    }
}
