package org.tipline.core.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An RFC 8785 canonical JSON object assembled from members whose values are canonical already: strings, integers,
 * arrays of strings, and canonical JSON bytes (a stored document). Members are written sorted by their names' UTF-16
 * code units and without whitespace, so the result is canonical without parsing anything again; {@link CanonicalJson}
 * canonicalizes arbitrary JSON text. Names must be unique; adding one twice fails.
 */
public final class CanonicalObject {

    private final Map<String, byte[]> members = new TreeMap<>(); // String order is UTF-16 code unit order

    /** A string member. */
    public CanonicalObject string(String name, String value) {
        return raw(name, quote(value));
    }

    /** A string member, left out when {@code value} is null. */
    public CanonicalObject optionalString(String name, String value) {
        return value == null ? this : string(name, value);
    }

    /** An integer member. */
    public CanonicalObject number(String name, long value) {
        return raw(name, Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** An array-of-strings member. */
    public CanonicalObject strings(String name, List<String> values) {
        return raw(name, array(values.stream().map(CanonicalObject::quote).toList()));
    }

    /** A member whose value is RFC 8785 canonical JSON already (a stored document, another canonical object). */
    public CanonicalObject raw(String name, byte[] canonicalJson) {
        if (members.putIfAbsent(name, canonicalJson) != null) {
            throw new IllegalArgumentException("Member " + name + " added twice");
        }
        return this;
    }

    /** The canonical UTF-8 bytes of the object. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + members.values().stream()
                .mapToInt(value -> value.length + 16).sum());
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.writeBytes(quote(member.getKey()));
            out.write(':');
            out.writeBytes(member.getValue());
        }
        out.write('}');
        return out.toByteArray();
    }

    /** True when {@code value} has nothing to escape and no surrogate: it is written as it is. */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical array of canonical elements. */
    public static byte[] array(List<byte[]> canonicalElements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < canonicalElements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(canonicalElements.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    /**
     * A string as RFC 8785 writes it (section 3.2.2.2, ECMAScript's JSON.stringify): quote and backslash escaped,
     * the two-character escapes for backspace, form feed, line feed, carriage return and tab, other control
     * characters as a lower-case {@code \\u00xx}, everything else as itself in UTF-8. A lone surrogate, which has no
     * UTF-8 form, becomes {@code ?} as in the JCS reference library (which encodes with Java's UTF-8 encoder).
     */
    public static byte[] quote(String value) {
        if (plain(value)) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            byte[] quoted = new byte[bytes.length + 2];
            quoted[0] = '"';
            System.arraycopy(bytes, 0, quoted, 1, bytes.length);
            quoted[quoted.length - 1] = '"';
            return quoted;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u00").append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        quoted.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        quoted.append('?');
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }
}
