package org.tipline.gateway.support;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Edits of a JSON document at a JSON pointer, for building test cases from a valid body. */
public final class JsonEdit {

    /** Keeps numbers as written (1e400 stays a number, not the string "Infinity"). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private JsonEdit() {
    }

    /** Sets the value at {@code pointer} (creating missing objects on the way); {@code value} is JSON text. */
    public static UnaryOperator<JsonNode> set(String pointer, String jsonValue) {
        return document -> {
            JsonNode copy = document.deepCopy();
            JsonPointer path = JsonPointer.compile(pointer);
            JsonNode parent = parentOf(copy, path);
            JsonNode value = parse(jsonValue);
            String last = path.last().getMatchingProperty();
            if (parent instanceof ArrayNode array) {
                int index = path.last().getMatchingIndex();
                if (index < array.size()) {
                    array.set(index, value);
                } else {
                    array.add(value);
                }
            } else {
                ((ObjectNode) parent).set(last, value);
            }
            return copy;
        };
    }

    /** Sets a string value. */
    public static UnaryOperator<JsonNode> text(String pointer, String value) {
        return set(pointer, JSON.valueToTree(value).toString());
    }

    /** Removes the member or element at {@code pointer}. */
    public static UnaryOperator<JsonNode> remove(String pointer) {
        return document -> {
            JsonNode copy = document.deepCopy();
            JsonPointer path = JsonPointer.compile(pointer);
            JsonNode parent = copy.at(path.head());
            if (parent instanceof ArrayNode array) {
                array.remove(path.last().getMatchingIndex());
            } else {
                ((ObjectNode) parent).remove(path.last().getMatchingProperty());
            }
            return copy;
        };
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }

    private static JsonNode parentOf(JsonNode document, JsonPointer path) {
        JsonNode node = document;
        JsonPointer head = path.head();
        for (JsonPointer p = head; p != null && !p.matches(); p = p.tail()) {
            String property = p.getMatchingProperty();
            JsonNode next = node instanceof ArrayNode list ? list.get(p.getMatchingIndex()) : node.get(property);

            if (next == null && node instanceof ObjectNode object) {
                next = object.putObject(property);
            } else if (next == null && node instanceof ArrayNode array) {
                next = array.addObject();
            }
            node = next;
        }
        return node;
    }
}
