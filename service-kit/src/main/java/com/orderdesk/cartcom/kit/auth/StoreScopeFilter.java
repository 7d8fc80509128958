package com.orderdesk.cartcom.kit.auth;

import com.orderdesk.cartcom.kit.rest.ApiException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@link StoreScoped}: a store's key opens that store only (no store identity: 401; another store: 403). A
 * path store that does not exist is also 403 for a valid key, so a key holder cannot probe which store ids exist.
 */
@StoreScoped
@Provider
@Priority(Priorities.AUTHORIZATION)
public class StoreScopeFilter implements ContainerRequestFilter {

    private final SecurityIdentity identity;

    StoreScopeFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.STORE)) {
            throw new UnauthorizedException();
        }
        String pathStoreId = request.getUriInfo().getPathParameters().getFirst(StoreScoped.PATH_PARAM);
        if (!identity.getPrincipal().getName().equals(canonical(pathStoreId))) {
            throw ApiException.forbidden("This API key does not open that store");
        }
    }

    private static String canonical(String storeId) {
        try {
            return storeId == null ? null : Long.valueOf(storeId.trim()).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
