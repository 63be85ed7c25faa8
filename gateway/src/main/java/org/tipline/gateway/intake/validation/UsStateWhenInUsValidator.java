package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.Address;
import org.tipline.gateway.kernel.RegionCodes;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link UsStateWhenInUs}. */
public class UsStateWhenInUsValidator implements ConstraintValidator<UsStateWhenInUs, Address> {

    @Override
    public boolean isValid(Address value, ConstraintValidatorContext context) {
        if (value == null || !"US".equals(value.country()) || value.state() == null
                || RegionCodes.isUsState(value.state())) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        rules.explained(ViolationCode.INVALID_VALUE, "usState", "state");
        return rules.valid();
    }
}
