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

/** An ISO 3166-1 alpha-2 country code ({@code INVALID_VALUE}). */
@Documented
@Constraint(validatedBy = CountryCodeValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface CountryCode {

    String message() default "{tipline.violation.INVALID_VALUE.CountryCode}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
