package org.tipline.gateway.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Makes the request's {@link Caller} injectable into resources. */
public class CallerProducer {

    @Produces
    @Dependent
    Caller caller(SecurityIdentity identity) {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }
}
