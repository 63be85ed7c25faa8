package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On a hash: the value has the format of its type ({@code INVALID_FORMAT}). */
@Documented
@Constraint(validatedBy = ValidHashValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidHash {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
