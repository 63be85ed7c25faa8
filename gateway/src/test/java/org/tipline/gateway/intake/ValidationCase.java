package org.tipline.gateway.intake;

import java.util.function.UnaryOperator;

import org.tipline.gateway.platform.errors.ViolationCode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One named case of the constraint walk: an edit of a valid document and what must follow: acceptance, or exactly one
 * violation at {@code pointer} with {@code code} and the given status.
 */
record ValidationCase(String name, UnaryOperator<JsonNode> edit, int status, String pointer, ViolationCode code) {

    static ValidationCase ok(String name, UnaryOperator<JsonNode> edit) {
        return new ValidationCase(name, edit, 200, null, null);
    }

    static ValidationCase bad(String name, UnaryOperator<JsonNode> edit, String pointer, ViolationCode code) {
        return new ValidationCase(name, edit, 422, pointer, code);
    }

    static ValidationCase malformed(String name, UnaryOperator<JsonNode> edit, String pointer, ViolationCode code) {
        return new ValidationCase(name, edit, 400, pointer, code);
    }

    @Override
    public String toString() {
        return name;
    }
}
