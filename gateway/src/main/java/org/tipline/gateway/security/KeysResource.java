package org.tipline.gateway.security;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import org.tipline.gateway.platform.crypto.SigningKeys;

/** {@code GET /v1/keys}: the JWKS that verifies receipts, forwarded envelopes and audit tree heads. No auth. */
@Path("/v1/keys")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "credentials")
@org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet
public class KeysResource {

    private final SigningKeys keys;

    KeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces({"application/jwk-set+json", "application/json"})
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
