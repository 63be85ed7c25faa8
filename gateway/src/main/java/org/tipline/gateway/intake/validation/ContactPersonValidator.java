package org.tipline.gateway.intake.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.tipline.gateway.intake.model.Person;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Validates {@link ContactPerson}. */
public class ContactPersonValidator implements ConstraintValidator<ContactPerson, Person> {

    private boolean requireEmail;

    @Override
    public void initialize(ContactPerson annotation) {
        requireEmail = annotation.requireEmail();
    }

    @Override
    public boolean isValid(Person value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        RuleContext rules = new RuleContext(context);
        if (value.age() != null) {
            rules.explained(ViolationCode.NOT_ALLOWED, "contactPerson", "age");
        }
        if (value.dateOfBirth() != null) {
            rules.explained(ViolationCode.NOT_ALLOWED, "contactPerson", "dateOfBirth");
        }
        if (requireEmail && (value.emails() == null || value.emails().isEmpty())) {
            rules.explained(ViolationCode.REQUIRED, "reportingPersonEmail", "emails");
        }
        return rules.valid();
    }
}
