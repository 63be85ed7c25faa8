package org.tipline.gateway.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The {@link Caller} of the current request. Resources are singletons, so they must ask this request-scoped bean on
 * every call rather than hold a caller of their own.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final RateLimits limits;
    private boolean counted;

    CurrentCaller(SecurityIdentity identity, RateLimits limits) {
        this.identity = identity;
        this.limits = limits;
    }

    /**
     * The authenticated caller; 401 if the request carries no valid credential, 429 when it is a platform's over its
     * rate limit (each request counts once, when its caller is first asked for).
     */
    public Caller get() {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        if (!counted && caller.role() == Role.PLATFORM) {
            counted = true;
            limits.acquire(caller.platformId());
        }
        return caller;
    }

    /** The caller as the intake system of {@code destination}; 403 for any other credential. */
    public Caller receivingFor(String destination) {
        Caller caller = get();
        if (!caller.mayReceive(destination)) {
            throw new ForbiddenException();
        }
        return caller;
    }
}
