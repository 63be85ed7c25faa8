package org.tipline.gateway.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.NotFoundException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

/** Strict parsing of query and path parameters: a bad value is a 400 naming the parameter, never a 404 or 500. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.isEmpty() || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw bad(name, "must be true or false");
    }

    public static Instant timestamp(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(name, "must be an RFC 3339 timestamp with an offset");
        }
    }

    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad("limit", "must be an integer from 1 to " + max);
    }

    public static <E extends Enum<E>> E code(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw bad(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A whole number from {@code min} to {@code max}; required. */
    public static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name, (value == null ? "is required; " : "") + "must be an integer from " + min
                + (max == Long.MAX_VALUE ? "" : " to " + max));
    }

    /** An optional UUID in the query, e.g. a report id to filter by. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw bad(name, "must be a UUID");
        }
    }

    /** The longest identifier a free-form filter can match (platform ids, principals, event types). */
    static final int MAX_TEXT = 255;

    /** An optional identifier to filter by: absent when blank; no control characters, at most 255 characters. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw bad(name, "must be at most " + MAX_TEXT + " characters without control characters");
        }
        return value;
    }

    /** An id from the path; anything that is not a UUID names nothing there: the kind's own 404. */
    public static UUID pathId(String value, Function<String, ? extends NotFoundException> notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound.apply(value);
        }
    }

    private static MalformedRequestException bad(String name, String message) {
        return new MalformedRequestException("Invalid query parameter " + name,
                List.of(new Violation("", ViolationCode.INVALID_FORMAT, "query parameter " + name + ": " + message)));
    }
}
