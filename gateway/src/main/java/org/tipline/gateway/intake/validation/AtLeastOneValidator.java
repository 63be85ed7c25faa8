package org.tipline.gateway.intake.validation;

import java.util.Arrays;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link AtLeastOne}. */
public class AtLeastOneValidator implements ConstraintValidator<AtLeastOne, Record> {

    private String[] names;

    @Override
    public void initialize(AtLeastOne annotation) {
        names = annotation.value();
    }

    @Override
    public boolean isValid(Record value, ConstraintValidatorContext context) {
        return value == null || Arrays.stream(names).anyMatch(name -> RuleContext.isPresent(RuleContext.read(value,
                name)));
    }
}
