package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** An absolute URL of at most 2083 characters without whitespace ({@code INVALID_FORMAT}). */
@Documented
@Constraint(validatedBy = WebUrlValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface WebUrl {

    String message() default "{tipline.violation.INVALID_FORMAT.WebUrl}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
