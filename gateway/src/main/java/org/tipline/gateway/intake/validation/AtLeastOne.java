package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On a record: at least one of the named components holds a value ({@code REQUIRED} on the whole body). */
@Documented
@Constraint(validatedBy = AtLeastOneValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface AtLeastOne {

    /** Names of the record components of which one is needed. */
    String[] value();

    String message() default "{tipline.violation.REQUIRED.atLeastOne}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
