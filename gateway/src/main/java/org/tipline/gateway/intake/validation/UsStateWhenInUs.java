package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On an address: in the US ({@code country} US), {@code state} is a US state code ({@code INVALID_VALUE}). */
@Documented
@Constraint(validatedBy = UsStateWhenInUsValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface UsStateWhenInUs {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
