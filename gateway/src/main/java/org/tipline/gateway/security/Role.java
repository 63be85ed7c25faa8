package org.tipline.gateway.security;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a credential may do (API.md, "Authentication and roles"). */
public enum Role {

    /** Files and reads its own platform's reports. */
    @JsonProperty("platform")
    PLATFORM,
    /** Acknowledges, and fetches evidence of, reports routed to its destinations. */
    @JsonProperty("intake")
    INTAKE,
    /** Reads and verifies the audit trail; never report content. */
    @JsonProperty("auditor")
    AUDITOR,
    /** Manages platforms and credentials. */
    @JsonProperty("admin")
    ADMIN;

    /** The role name used in {@code @RolesAllowed} and in the ledger. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role of(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    /** Role names as constants for annotations. */
    public static final class Names {

        public static final String PLATFORM = "platform";
        public static final String INTAKE = "intake";
        public static final String AUDITOR = "auditor";
        public static final String ADMIN = "admin";

        private Names() {
        }
    }
}
