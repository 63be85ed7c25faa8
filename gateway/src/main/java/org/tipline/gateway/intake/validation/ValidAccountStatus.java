package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On an account suspension: {@code userNotifiedAt} not before {@code disabledAt}, {@code reenabledAt} after it ({@code OUT_OF_ORDER}). */
@Documented
@Constraint(validatedBy = ValidAccountStatusValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidAccountStatus {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
