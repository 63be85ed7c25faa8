package org.tipline.gateway.platform.json;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

/**
 * Turns Bean Validation violations into API violations: the property path becomes an RFC 6901 pointer into the JSON
 * body (record component names are the JSON names), and the constraint becomes a stable code: built-in constraints by
 * type, the gateway's own by their message key {@code tipline.violation.<CODE>[.<detail>]}.
 */
final class BeanViolations {

    private static final String KEY_PREFIX = "{tipline.violation.";
    private static final Set<Class<? extends Annotation>> REQUIRED = Set.of(NotNull.class, NotBlank.class,
            NotEmpty.class);
    private static final Set<Class<? extends Annotation>> RANGE = Set.of(Min.class, Max.class, DecimalMin.class,
            DecimalMax.class, Positive.class, PositiveOrZero.class);

    private BeanViolations() {
    }

    static Violation toViolation(ConstraintViolation<?> violation) {
        return new Violation(pointer(violation.getPropertyPath()), code(violation), violation.getMessage());
    }

    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    pointer.append('/').append(Violation.escape(position.toString()));
                }
            }
            if ((node.getKind() == ElementKind.PROPERTY) && node.getName() != null) {
                pointer.append('/').append(Violation.escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    static ViolationCode code(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (template.startsWith(KEY_PREFIX)) {
            String key = template.substring(KEY_PREFIX.length(), template.length() - 1);
            int dot = key.indexOf('.');
            return ViolationCode.valueOf(dot < 0 ? key : key.substring(0, dot));
        }
        Class<? extends Annotation> type = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (REQUIRED.contains(type)) {
            return ViolationCode.REQUIRED;
        }
        if (type == Size.class) {
            return sizeCode(violation);
        }
        if (type == Pattern.class) {
            return ViolationCode.INVALID_FORMAT;
        }
        if (RANGE.contains(type)) {
            return ViolationCode.OUT_OF_RANGE;
        }
        if (type == Past.class || type == PastOrPresent.class) {
            return ViolationCode.NOT_IN_PAST;
        }
        return ViolationCode.INVALID_VALUE;
    }

    private static ViolationCode sizeCode(ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        if (value instanceof CharSequence) {
            return ViolationCode.TOO_LONG;
        }
        int size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : 0;
        int min = (Integer) violation.getConstraintDescriptor().getAttributes().get("min");
        return size < min ? ViolationCode.REQUIRED : ViolationCode.TOO_MANY;
    }
}
