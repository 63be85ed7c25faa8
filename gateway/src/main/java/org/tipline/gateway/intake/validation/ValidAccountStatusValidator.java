package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.AccountStatus;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link ValidAccountStatus}. */
public class ValidAccountStatusValidator implements ConstraintValidator<ValidAccountStatus, AccountStatus> {

    @Override
    public boolean isValid(AccountStatus value, ConstraintValidatorContext context) {
        if (value == null || value.disabledAt() == null) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        if (value.userNotifiedAt() != null && value.userNotifiedAt().isBefore(value.disabledAt())) {
            rules.explained(ViolationCode.OUT_OF_ORDER, "notifiedBeforeDisabled", "userNotifiedAt");
        }
        if (value.reenabledAt() != null && !value.reenabledAt().isAfter(value.disabledAt())) {
            rules.explained(ViolationCode.OUT_OF_ORDER, "reenabledBeforeDisabled", "reenabledAt");
        }
        return rules.valid();
    }
}
