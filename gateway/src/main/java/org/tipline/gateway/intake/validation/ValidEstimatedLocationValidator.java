package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.EstimatedLocation;
import org.tipline.gateway.kernel.RegionCodes;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link ValidEstimatedLocation}. */
public class ValidEstimatedLocationValidator implements ConstraintValidator<ValidEstimatedLocation, EstimatedLocation> {

    @Override
    public boolean isValid(EstimatedLocation value, ConstraintValidatorContext context) {
        if (value == null || !"US".equals(value.countryCode())) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        if (value.region() == null && value.city() != null) {
            rules.explained(ViolationCode.REQUIRED, "usRegionWithCity", "region");
        } else if (value.region() != null && !RegionCodes.isUsState(value.region())) {
            rules.explained(ViolationCode.INVALID_VALUE, "usState", "region");
        }
        return rules.valid();
    }
}
