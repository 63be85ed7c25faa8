package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On an estimated location in the US: {@code region} is a US state code, required when {@code city} is given. */
@Documented
@Constraint(validatedBy = ValidEstimatedLocationValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidEstimatedLocation {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
