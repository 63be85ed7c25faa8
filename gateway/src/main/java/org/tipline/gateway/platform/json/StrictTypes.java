package org.tipline.gateway.platform.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Deserializers that accept exactly one JSON type each: strings are trimmed and blank counts as absent; timestamps
 * are RFC 3339 strings with an offset; dates are {@code YYYY-MM-DD}. Anything else is handed to the problem handler
 * ({@link JsonProblems}) so every such value is reported, not just the first.
 */
final class StrictTypes {

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictTypes() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tipline-strict-types");
        module.addDeserializer(String.class, new TrimmedString());
        module.addDeserializer(OffsetDateTime.class, new Timestamp());
        module.addDeserializer(LocalDate.class, new Date());
        module.addDeserializer(Boolean.class, new StrictBoolean());
        module.addDeserializer(Integer.class, new WholeNumber<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE));
        module.addDeserializer(Long.class, new WholeNumber<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE));
        module.addDeserializer(Double.class, new FiniteNumber());
        return module;
    }

    /**
     * A JSON string, trimmed; blank becomes null. Rejects unpaired UTF-16 surrogates and NUL ({@code \u0000}), which
     * no text means and PostgreSQL cannot store.
     */
    static final class TrimmedString extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        TrimmedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getText().strip();
            if (hasUnpairedSurrogate(value)) {
                return (String) ctxt.handleWeirdStringValue(String.class, "", "contains an unpaired surrogate");
            }
            if (value.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, "", "contains a NUL character");
            }
            return value.isEmpty() ? null : value;
        }

        private static boolean hasUnpairedSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return true;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code true} or {@code false}, nothing else. */
    static final class StrictBoolean extends StdScalarDeserializer<Boolean> {

        private static final long serialVersionUID = 1L;

        StrictBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                return p.getBooleanValue();
            }
            return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
        }
    }

    /** A JSON integer within the range of its Java type; a fraction or an overflow is reported, not rounded. */
    static final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {

        private static final long serialVersionUID = 1L;
        private final long min;
        private final long max;

        WholeNumber(Class<T> type, long min, long max) {
            super(type);
            this.min = min;
            this.max = max;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return unexpected;
            }
            java.math.BigInteger value = p.getBigIntegerValue();
            if (value.compareTo(java.math.BigInteger.valueOf(min)) < 0
                    || value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                JsonProblems.report(ctxt, org.tipline.gateway.platform.errors.ViolationCode.OUT_OF_RANGE,
                        handledType() == Integer.class
                                ? "is outside the range of a 32-bit integer"
                                : "is outside the range of a 64-bit integer",
                        false);
                return null;
            }
            Number result;
            if (handledType() == Integer.class) {
                result = Integer.valueOf(value.intValue());
            } else {
                result = Long.valueOf(value.longValue());
            }
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            return typed;
        }
    }

    /** A JSON number that fits a double without becoming infinite. */
    static final class FiniteNumber extends StdScalarDeserializer<Double> {

        private static final long serialVersionUID = 1L;

        FiniteNumber() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            double value = p.getDoubleValue();
            if (!Double.isFinite(value)) {
                JsonProblems.report(ctxt, org.tipline.gateway.platform.errors.ViolationCode.OUT_OF_RANGE,
                        "is outside the range of a number", false);
                return null;
            }
            return value;
        }
    }

    /** An RFC 3339 timestamp with an offset, kept with the offset it was given in. */
    static final class Timestamp extends StdScalarDeserializer<OffsetDateTime> {

        private static final long serialVersionUID = 1L;

        Timestamp() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String value = p.getText().strip();
            if (value.isEmpty()) {
                return null;
            }
            if (RFC_3339.matcher(value).matches()) {
                try {
                    return OffsetDateTime.parse(value.toUpperCase(java.util.Locale.ROOT));
                } catch (DateTimeParseException e) {
                    // falls through: e.g. month 13
                }
            }
            return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, value,
                    "is not an RFC 3339 timestamp with an offset");
        }
    }

    /** A calendar date, {@code YYYY-MM-DD}. */
    static final class Date extends StdScalarDeserializer<LocalDate> {

        private static final long serialVersionUID = 1L;

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String value = p.getText().strip();
            if (value.isEmpty()) {
                return null;
            }
            if (DATE.matcher(value).matches()) {
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    // falls through: e.g. February 30
                }
            }
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, value, "is not a YYYY-MM-DD date");
        }
    }
}
