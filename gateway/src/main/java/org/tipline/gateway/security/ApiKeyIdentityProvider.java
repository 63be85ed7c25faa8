package org.tipline.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns an API key into a security identity: the SHA-256 of the key is looked up among unrevoked credentials
 * ({@link CredentialCache}); the
 * identity carries the {@link Caller} as attribute {@link #CALLER}. Unknown or revoked keys fail authentication (401).
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute holding the {@link Caller}. */
    public static final String CALLER = "tipline.caller";

    private final CredentialCache credentials;

    ApiKeyIdentityProvider(CredentialCache credentials) {
        this.credentials = credentials;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String key = request.getToken().getToken();
        return context.runBlocking(() -> {
            if (key.isEmpty() || key.length() > 200) {
                throw new AuthenticationFailedException("Malformed credential");
            }
            Caller caller = credentials.findActive(ApiKeys.hash(key))
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown or revoked credential"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(caller.credentialId().toString()))
                    .addRole(caller.role().id())
                    .addAttribute(CALLER, caller)
                    .build();
        });
    }
}
