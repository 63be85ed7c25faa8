package org.tipline.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks a report document against a destination's profile; {@code *} in a pointer matches any list index. */
final class ProfileCheck {

    private ProfileCheck() {
    }

    static List<Violation> check(JsonNode document, Destination destination) {
        List<Violation> violations = new ArrayList<>();
        String who = " by destination " + destination.id() + " (" + destination.name() + ")";
        for (String pointer : destination.profile().required()) {
            if (!present(document, pointer)) {
                violations.add(new Violation(pointer, ViolationCode.REQUIRED_BY_DESTINATION, "is required" + who));
            }
        }
        for (Destination.AnyOf group : destination.profile().anyOf()) {
            if (group.pointers().stream().noneMatch(pointer -> present(document, pointer))) {
                violations.add(new Violation(group.pointers().get(0).replaceAll("/\\*.*$", ""),
                        ViolationCode.REQUIRED_BY_DESTINATION, group.name() + " is required" + who));
            }
        }
        return violations;
    }

    /** Whether a non-null, non-empty value exists at the pointer pattern. */
    static boolean present(JsonNode node, String pattern) {
        return present(node, pattern.substring(1).split("/"), 0);
    }

    private static boolean present(JsonNode node, String[] tokens, int index) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (index == tokens.length) {
            return !(node.isContainerNode() && node.isEmpty()) && !(node.isTextual() && node.asText().isBlank());
        }
        String token = tokens[index].replace("~1", "/").replace("~0", "~");
        if ("*".equals(token)) {
            for (JsonNode child : node) {
                if (present(child, tokens, index + 1)) {
                    return true;
                }
            }
            return false;
        }
        return present(node.isArray() ? node.path(parseIndex(token)) : node.get(token), tokens, index + 1);
    }

    private static int parseIndex(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
