package org.tipline.ncmec.xml;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the gateway's report model as JSON: absent, null and blank all read as absent. */
final class Json {

    private Json() {
    }

    /** The field's text, or null when it is absent, null, blank, an object or an array. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text.strip();
    }

    static String text(JsonNode parent, String field) {
        return text(parent.path(field));
    }

    static boolean has(JsonNode parent, String field) {
        return text(parent, field) != null || parent.path(field).isContainerNode() && !parent.path(field).isEmpty();
    }

    /** The items of an array field; none when absent. */
    static List<JsonNode> items(JsonNode parent, String field) {
        List<JsonNode> items = new ArrayList<>();
        parent.path(field).forEach(items::add);
        return items;
    }

    /** The texts of an array field of strings; none when absent. */
    static List<String> texts(JsonNode parent, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : parent.path(field)) {
            String text = text(item);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    static boolean isTrue(JsonNode parent, String field) {
        return parent.path(field).asBoolean(false);
    }
}
