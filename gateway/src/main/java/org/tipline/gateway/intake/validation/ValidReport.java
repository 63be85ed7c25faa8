package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On a report: the rules that span fields (priority and reason, batched mode, party roles, email addresses). */
@Documented
@Constraint(validatedBy = ValidReportValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidReport {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
