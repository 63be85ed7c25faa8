package org.tipline.gateway.platform.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;

/**
 * Records the problems Jackson meets while binding a request (unknown fields, wrong JSON types, values outside an
 * enumeration, malformed timestamps) with their JSON pointers, and lets binding continue with null in their place, so
 * the client learns of all of them at once. Problems are kept in the deserialization context's attribute
 * {@link #ATTRIBUTE}; messages never repeat the offending value.
 */
final class JsonProblems extends DeserializationProblemHandler {

    static final String ATTRIBUTE = "tipline.problems";

    /** One recorded problem; {@code syntactic} problems make the answer a 400 rather than a 422. */
    record Problem(Violation violation, boolean syntactic) {
    }

    static List<Problem> of(DeserializationContext ctxt) {
        @SuppressWarnings("unchecked")
        List<Problem> problems = (List<Problem>) ctxt.getAttribute(ATTRIBUTE);
        return problems == null ? new ArrayList<>() : problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        add(ctxt, pointer(p), ViolationCode.UNKNOWN_FIELD, "is not a field of this object", true);
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
            String failureMsg) {
        if (targetType.isEnum()) {
            add(ctxt, pointer(ctxt.getParser()), ViolationCode.INVALID_VALUE,
                    "must be one of " + jsonNames(targetType), false);
        } else {
            add(ctxt, pointer(ctxt.getParser()), ViolationCode.INVALID_FORMAT, failureMsg, false);
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
            String failureMsg) {
        add(ctxt, pointer(ctxt.getParser()), ViolationCode.WRONG_TYPE, "must be " + describe(targetType), true);
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
            String failureMsg) throws IOException {
        add(ctxt, pointer(p), ViolationCode.WRONG_TYPE, "must be " + describe(targetType.getRawClass()), true);
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
            com.fasterxml.jackson.databind.deser.ValueInstantiator valueInsta, JsonParser p, String msg)
            throws IOException {
        add(ctxt, pointer(p), ViolationCode.WRONG_TYPE, "must be " + describe(instClass), true);
        p.skipChildren();
        return null;
    }

    @Override
    public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
            TypeIdResolver idResolver, String failureMsg) {
        add(ctxt, kindPointer(ctxt.getParser()), ViolationCode.INVALID_VALUE,
                "must be one of " + idResolver.getDescForKnownTypeIds(), false);
        return ctxt.constructType(Void.class);
    }

    @Override
    public JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType, TypeIdResolver idResolver,
            String failureMsg) {
        add(ctxt, kindPointer(ctxt.getParser()), ViolationCode.REQUIRED,
                "is required: one of " + idResolver.getDescForKnownTypeIds(), false);
        return ctxt.constructType(Void.class);
    }

    /** The JSON names of an enumeration's constants ({@code @JsonProperty} where given). */
    private static java.util.List<String> jsonNames(Class<?> enumType) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                com.fasterxml.jackson.annotation.JsonProperty property = enumType.getField(name)
                        .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                names.add(property == null ? name : property.value());
            } catch (NoSuchFieldException e) {
                names.add(name);
            }
        }
        return names;
    }

    /** Records a problem found by one of the strict deserializers. */

    static void report(DeserializationContext ctxt, ViolationCode code, String message, boolean syntactic) {
        add(ctxt, pointer(ctxt.getParser()), code, message, syntactic);
    }

    /** The pointer of the {@code kind} member of the polymorphic object being read. */
    private static String kindPointer(JsonParser p) {
        String pointer = pointer(p);
        return pointer.endsWith("/kind") ? pointer : pointer + "/kind";
    }

    private static void add(DeserializationContext ctxt, String pointer, ViolationCode code, String message,
            boolean syntactic) {
        of(ctxt).add(new Problem(new Violation(pointer, code, message), syntactic));
    }

    /** The JSON pointer of the parser's current value. */
    static String pointer(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.LocalDate.class) {
            return "a string";
        }
        return "an object";
    }
}
