package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On a record: at most one of the named components holds a value ({@code MUTUALLY_EXCLUSIVE}). */
@Documented
@Constraint(validatedBy = MutuallyExclusiveValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface MutuallyExclusive {

    /** Names of the record components of which at most one may be given. */
    String[] value();

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
