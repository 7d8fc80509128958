package com.orderdesk.cartcom.kit.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Grants {@link Roles#STORE} for one store to the holder of its API key, checked in constant time against the hash
 * the service keeps ({@link StoreKeyHashes}). An unknown store and a wrong key fail alike, so a caller cannot probe
 * which store ids exist.
 */
@ApplicationScoped
public class StoreKeyIdentityProvider implements IdentityProvider<Credentials.StoreKey> {
    private final Instance<StoreKeyHashes> hashes;

    StoreKeyIdentityProvider(Instance<StoreKeyHashes> hashes) {
        this.hashes = hashes;
    }

    @Override
    public Class<Credentials.StoreKey> getRequestType() {
        return Credentials.StoreKey.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(Credentials.StoreKey request, AuthenticationRequestContext context) {
        if (!hashes.isResolvable()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown store or wrong API key"));
        }
        return context.runBlocking(() -> {
            long storeId = hashes.get().storeOf(request.storeId, request.apiKey)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown store or wrong API key"));
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(Long.toString(storeId)))
                    .addRole(Roles.STORE).build();
        });
    }
}
