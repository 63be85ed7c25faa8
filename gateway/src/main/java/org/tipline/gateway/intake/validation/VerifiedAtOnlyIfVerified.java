package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On an email or phone: {@code verifiedAt} only when {@code verified} is true ({@code NOT_ALLOWED}). */
@Documented
@Constraint(validatedBy = VerifiedAtOnlyIfVerifiedValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface VerifiedAtOnlyIfVerified {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
