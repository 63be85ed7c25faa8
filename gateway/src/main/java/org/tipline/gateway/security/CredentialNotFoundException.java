package org.tipline.gateway.security;

import java.util.UUID;

import org.tipline.gateway.platform.errors.NotFoundException;

/** No active credential with this id (never issued, or already revoked). */
public class CredentialNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public CredentialNotFoundException(UUID id) {
        super("No active credential " + id);
    }

    /** For an id from a path that is not even a UUID. */
    public CredentialNotFoundException(String id) {
        super("No active credential " + shown(id));
    }
}
