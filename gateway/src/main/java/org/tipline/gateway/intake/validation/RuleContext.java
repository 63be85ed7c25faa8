package org.tipline.gateway.intake.validation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.LeafNodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderCustomizableContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder.NodeBuilderDefinedContext;

import org.tipline.gateway.platform.errors.ViolationCode;

/**
 * Reports violations of cross-field rules at the path of the offending field, below the validated object: a path is
 * property names and list indexes, e.g. {@code "reportedPersons", 0, "person"}. Collects whether anything was
 * reported, so a validator can {@code return rules.valid()}.
 */
final class RuleContext {

    private final ConstraintValidatorContext context;
    private boolean valid = true;

    RuleContext(ConstraintValidatorContext context) {
        this.context = context;
        context.disableDefaultConstraintViolation();
    }

    /** Reports {@code code} at {@code path} with the code's message ({@code tipline.violation.CODE}). */
    void violation(ViolationCode code, Object... path) {
        explained(code, null, path);
    }

    /** Reports {@code code} at {@code path} with the message {@code tipline.violation.CODE.detail}. */
    void explained(ViolationCode code, String detail, Object... path) {
        valid = false;
        String template = "{tipline.violation." + code.name() + (detail == null ? "" : "." + detail) + "}";
        ConstraintViolationBuilder builder = context.buildConstraintViolationWithTemplate(template);
        if (path.length == 0) {
            builder.addConstraintViolation();
            return;
        }
        // In Bean Validation paths an index belongs to the node after the list: reportedPersons[0].person.
        Object node = builder.addPropertyNode((String) path[0]);
        Integer index = null;
        for (int i = 1; i < path.length; i++) {
            if (path[i] instanceof Integer position) {
                index = position;
                continue;
            }
            NodeBuilderCustomizableContext next = node instanceof NodeBuilderDefinedContext defined
                    ? defined.addPropertyNode((String) path[i])
                    : ((NodeBuilderCustomizableContext) node).addPropertyNode((String) path[i]);
            node = index == null ? next : next.inIterable().atIndex(index);
            index = null;
        }
        if (index != null) {
            LeafNodeBuilderCustomizableContext leaf = node instanceof NodeBuilderDefinedContext defined
                    ? defined.addBeanNode()
                    : ((NodeBuilderCustomizableContext) node).addBeanNode();
            leaf.inIterable().atIndex(index).addConstraintViolation();
        } else if (node instanceof NodeBuilderDefinedContext defined) {
            defined.addConstraintViolation();
        } else {
            ((NodeBuilderCustomizableContext) node).addConstraintViolation();
        }
    }

    boolean valid() {
        return valid;
    }

    /** Names of the record's components that hold a value (null, blank and empty collections count as absent). */
    static List<String> presentFields(Record value) {
        List<String> present = new ArrayList<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (isPresent(read(value, component))) {
                present.add(component.getName());
            }
        }
        return present;
    }

    static Object read(Record value, String name) {
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return read(value, component);
            }
        }
        throw new IllegalArgumentException(value.getClass().getSimpleName() + " has no component " + name);
    }

    static boolean isPresent(Object value) {
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof CharSequence text) {
            return !text.toString().isBlank();
        }
        return value != null;
    }

    private static Object read(Record value, RecordComponent component) {
        try {
            return component.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
