package org.tipline.gateway.intake.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** On file details: {@code exifViewedByPlatform} needs {@code viewedByPlatform}; a supplemental file carries no industry classification and no {@code POTENTIAL_MEME}. */
@Documented
@Constraint(validatedBy = ValidFileDetailsValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidFileDetails {

    String message() default "{tipline.violation.NOT_ALLOWED}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
