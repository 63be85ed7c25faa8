package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On a record: {@code field} may hold a value only when the Boolean component {@code requires} is true ({@code NOT_ALLOWED}). */
@Documented
@Constraint(validatedBy = OnlyWithValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface OnlyWith {

    /** The component that needs {@code requires}. */
    String field();

    /** The Boolean component that must be true. */
    String requires();

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
