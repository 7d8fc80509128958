package com.orderdesk.cartcom.kit.auth;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The one way callers authenticate to any service's API: {@code Authorization: Bearer <admin token>} for operators,
 * {@code ORDERDESK-STORE-ID} + {@code ORDERDESK-API-KEY} for a store. A request with neither is anonymous (health,
 * metrics); one with credentials that do not check out fails authentication (401). Which store a key opens is
 * decided per resource by {@link StoreScoped}; admin calls are {@code @RolesAllowed(Roles.ADMIN)}.
 */
@ApplicationScoped
public class StoreAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String CHALLENGE =
            "Send the store id and API key in " + ApiKeys.STORE_ID_HEADER + " and " + ApiKeys.API_KEY_HEADER
                    + " (operators: a valid admin bearer token)";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return identities.authenticate(new Credentials.AdminToken(authorization.substring(BEARER.length()).trim()));
        }
        String storeId = context.request().getHeader(ApiKeys.STORE_ID_HEADER);
        String apiKey = context.request().getHeader(ApiKeys.API_KEY_HEADER);
        if (storeId != null || apiKey != null) {
            return identities.authenticate(new Credentials.StoreKey(storeId, apiKey));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Credentials.AdminToken.class, Credentials.StoreKey.class);
    }
}
