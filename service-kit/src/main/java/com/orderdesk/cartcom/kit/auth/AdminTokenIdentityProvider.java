package com.orderdesk.cartcom.kit.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Grants {@link Roles#ADMIN} to the bearer of {@code orderdesk.admin-token}; a service without one has no admin. */
@ApplicationScoped
public class AdminTokenIdentityProvider implements IdentityProvider<Credentials.AdminToken> {
    private final Optional<String> adminToken;

    AdminTokenIdentityProvider(@ConfigProperty(name = "orderdesk.admin-token") Optional<String> adminToken) {
        this.adminToken = adminToken.filter(token -> !token.isBlank());
    }

    @Override
    public Class<Credentials.AdminToken> getRequestType() {
        return Credentials.AdminToken.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Credentials.AdminToken request, AuthenticationRequestContext context) {
        // Constant time, so the answer's timing says nothing about how much of the token was right.
        boolean valid = adminToken.isPresent() && !request.token.isEmpty() && MessageDigest.isEqual(
                request.token.getBytes(StandardCharsets.UTF_8), adminToken.get().getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong admin token"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("admin")).addRole(Roles.ADMIN).build());
    }
}
