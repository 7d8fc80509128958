package com.orderdesk.cartcom.kit.auth;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

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
        Optional<Long> storeId = parseId(request.storeId);
        if (storeId.isEmpty() || request.apiKey == null || request.apiKey.isBlank() || !hashes.isResolvable()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("unknown store or wrong API key"));
        }
        return context.runBlocking(() -> {
            Optional<String> hash = hashes.get().apiKeyHash(storeId.get());
            if (hash.isEmpty() || !ApiKeys.matches(request.apiKey.trim(), hash.get())) {
                throw new AuthenticationFailedException("unknown store or wrong API key");
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(storeId.get().toString()))
                    .addRole(Roles.STORE).build();
        });
    }

    private static Optional<Long> parseId(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
