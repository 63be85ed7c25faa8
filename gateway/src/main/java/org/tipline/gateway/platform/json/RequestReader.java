package org.tipline.gateway.platform.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import org.tipline.gateway.platform.errors.IncompleteRequestException;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.PayloadTooLargeException;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.platform.json.JsonProblems.Problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON request body strictly: at most a given number of bytes, UTF-8 only, no duplicate keys, bounded nesting,
 * no unknown fields, no type coercion; then Bean Validation. Reports every problem at once with its JSON pointer:
 * {@link MalformedRequestException} (400) when any is syntactic, otherwise {@link UnprocessableException} (422).
 */
@Singleton
public class RequestReader {

    private final ObjectMapper strict;
    private final Validator validator;
    private final int maxNestingDepth;

    public RequestReader(Validator validator, JsonConfig config) {
        this.validator = validator;
        this.maxNestingDepth = config.maxNestingDepth();
        this.strict = StrictJson.mapper(config.maxNestingDepth());
    }

    /** The body read from {@code body} (never more than {@code maxBytes}), bound to {@code type} and valid. */
    public <T> Parsed<T> read(InputStream body, Class<T> type, int maxBytes) {
        return parse(readAtMost(body, maxBytes), type);
    }

    /** {@code bytes} bound to {@code type} and valid. */
    public <T> Parsed<T> parse(byte[] bytes, Class<T> type) {
        String text = utf8(bytes);
        List<Problem> problems = new ArrayList<>();
        T value = bind(text, type, problems);
        Set<String> reported = problems.stream().map(p -> p.violation().pointer()).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>(problems.stream().map(Problem::violation).toList());
        validator.validate(value).stream().map(BeanViolations::toViolation)
                .filter(v -> !isConsequence(v, reported)).forEach(violations::add);
        violations.sort(Comparator.comparing(Violation::pointer).thenComparing(v -> v.code().name()));
        if (problems.stream().anyMatch(Problem::syntactic)) {
            throw new MalformedRequestException("The request body is not well-formed", violations);
        }
        if (!violations.isEmpty()) {
            throw new UnprocessableException("The request is not valid", violations);
        }
        return new Parsed<>(value, bytes);
    }

    /** A value left null by a reported problem is not also "required" at that place or above it. */
    private static boolean isConsequence(Violation violation, Set<String> reported) {
        if (reported.contains(violation.pointer())) {
            return true;
        }
        return violation.code() == ViolationCode.REQUIRED
                && reported.stream().anyMatch(pointer -> pointer.startsWith(violation.pointer() + "/"));
    }

    private <T> T bind(String text, Class<T> type, List<Problem> problems) {
        T value;
        try {
            value = strict.readerFor(type).withAttribute(JsonProblems.ATTRIBUTE, problems).readValue(text);
        } catch (StreamConstraintsException e) {
            throw malformed("", ViolationCode.MALFORMED_JSON,
                    "exceeds a structural limit (nesting deeper than " + maxNestingDepth + ", or a value too long)");
        } catch (InputCoercionException e) {
            throw malformed(JsonProblems.pointer(e.getProcessor()), ViolationCode.OUT_OF_RANGE,
                    "is a number outside the range of its type");
        } catch (JsonParseException e) {
            throw malformed("", ViolationCode.MALFORMED_JSON, parseProblem(e));
        } catch (JsonMappingException e) {
            throw malformed(pointer(e), ViolationCode.WRONG_TYPE, "has the wrong JSON type");
        } catch (JsonProcessingException e) {
            throw malformed("", ViolationCode.MALFORMED_JSON, "is not a well-formed JSON document");
        }
        if (value == null) {
            throw malformed("", ViolationCode.REQUIRED, "a JSON object is required");
        }
        return value;
    }

    private static String parseProblem(JsonParseException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what = message.startsWith("Duplicate field") ? "has a duplicate key" : "is not well-formed JSON";
        return what + where;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getFieldName() != null
                    ? Violation.escape(reference.getFieldName())
                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String utf8(byte[] bytes) {
        if (bytes.length == 0) {
            throw malformed("", ViolationCode.REQUIRED, "a JSON body is required");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("", ViolationCode.MALFORMED_JSON, "is not valid UTF-8");
        }
    }

    private static MalformedRequestException malformed(String pointer, ViolationCode code, String message) {
        return new MalformedRequestException("The request body is not well-formed",
                List.of(new Violation(pointer, code, message)));
    }

    /** Reads the whole stream, failing as soon as it exceeds {@code maxBytes}. */
    static byte[] readAtMost(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new IncompleteRequestException(); // reading the request can only fail on the client's side
        }
    }

    /** A bound, valid request and the exact bytes it came from. */
    public record Parsed<T>(T value, byte[] bytes) {
    }
}
