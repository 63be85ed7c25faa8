package org.tipline.gateway.platform.validation;

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

/** A timestamp or date not after the server's clock plus the configured skew ({@code NOT_IN_PAST}). */
@Documented
@Constraint(validatedBy = {InPastValidator.OfTimestamp.class, InPastValidator.OfDate.class})
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface InPast {

    String message() default "{tipline.violation.NOT_IN_PAST}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
