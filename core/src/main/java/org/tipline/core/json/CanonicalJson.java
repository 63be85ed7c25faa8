package org.tipline.core.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.erdtman.jcs.NumberToJSON;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * RFC 8785 (JCS) canonical JSON and its SHA-256: the bytes every digest and signature of the gateway covers. Members
 * sorted by their names' UTF-16 code units, no whitespace, strings as {@link CanonicalObject#quote}, numbers by
 * ECMAScript's rules (the JCS reference library's {@code NumberToJSON}). Text is parsed strictly (no duplicate names,
 * nothing after the value); NaN and infinities have no canonical form.
 */
public final class CanonicalJson {

    /** 2^53: integers up to this magnitude are exact doubles and print as themselves. */
    private static final long EXACT = 1L << 53;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of the JSON text {@code json}. */
    public static byte[] canonicalize(String json) {
        JsonNode tree;
        try {
            tree = STRICT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not canonicalizable JSON", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new UncheckedIOException(new IOException("Not canonicalizable JSON: no value"));
        }
        return canonicalize(tree);
    }

    /** The canonical UTF-8 bytes of a JSON tree. */
    public static byte[] canonicalize(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(tree, out);
        return out.toByteArray();
    }

    /** SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void write(JsonNode node, ByteArrayOutputStream out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names); // String order is UTF-16 code unit order
                out.write('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.writeBytes(CanonicalObject.quote(names.get(i)));
                    out.write(':');
                    write(node.get(names.get(i)), out);
                }
                out.write('}');
            }
            case ARRAY -> {
                out.write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(node.get(i), out);
                }
                out.write(']');
            }
            case STRING -> out.writeBytes(CanonicalObject.quote(node.textValue()));
            case NUMBER -> out.writeBytes(number(node).getBytes(StandardCharsets.US_ASCII));
            case BOOLEAN -> out.writeBytes(node.booleanValue() ? TRUE : FALSE);
            case NULL -> out.writeBytes(NULL);
            default -> throw new IllegalArgumentException("No JSON value: " + node.getNodeType());
        }
    }

    private static String number(JsonNode number) {
        if (number.isIntegralNumber() && number.canConvertToLong()) {
            long value = number.longValue();
            if (value >= -EXACT && value <= EXACT) {
                return Long.toString(value);
            }
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new UncheckedIOException(new IOException("Not canonicalizable JSON: a number out of range"));
        }
        try {
            return NumberToJSON.serializeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Not canonicalizable JSON", e);
        }
    }
}
