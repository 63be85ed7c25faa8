package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.FileDetailsRequest;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link ValidFileDetails}. */
public class ValidFileDetailsValidator implements ConstraintValidator<ValidFileDetails, FileDetailsRequest> {

    @Override
    public boolean isValid(FileDetailsRequest value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        if (Boolean.TRUE.equals(value.exifViewedByPlatform()) && !Boolean.TRUE.equals(value.viewedByPlatform())) {
            rules.explained(ViolationCode.NOT_ALLOWED, "exifWithoutView", "exifViewedByPlatform");
        }
        if (value.effectiveRelevance() == FileRelevance.SUPPLEMENTAL_REPORTED) {
            if (value.industryClassification() != null) {
                rules.explained(ViolationCode.NOT_ALLOWED, "supplemental", "industryClassification");
            }
            if (value.annotations() != null && value.annotations().contains(FileAnnotation.POTENTIAL_MEME)) {
                rules.explained(ViolationCode.NOT_ALLOWED, "supplemental", "annotations");
            }
        }
        return rules.valid();
    }
}
