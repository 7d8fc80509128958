package com.orderdesk.cartcom.settings.rest.auth;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.settings.rest.ErrorBody;
import com.orderdesk.cartcom.settings.service.StoreKeys;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Store authentication: a missing or wrong key is 401; a valid key of another store is 403. A path store that
 * does not exist is also 403 for a valid key, so a key holder cannot probe which store ids exist.
 */
@StoreScoped
@Provider
@Priority(Priorities.AUTHENTICATION)
public class StoreAuthFilter implements ContainerRequestFilter {

    @Inject
    StoreKeys storeKeys;

    @Override
    public void filter(ContainerRequestContext request) {
        Long headerStoreId = parseId(request.getHeaderString(ApiKeys.STORE_ID_HEADER));
        String apiKey = request.getHeaderString(ApiKeys.API_KEY_HEADER);
        if (headerStoreId == null || apiKey == null || apiKey.isBlank()) {
            request.abortWith(ErrorBody.response(401, "unauthorized",
                    "Send the store id and API key in " + ApiKeys.STORE_ID_HEADER + " and " + ApiKeys.API_KEY_HEADER));
            return;
        }
        if (!storeKeys.matches(headerStoreId, apiKey)) {
            request.abortWith(ErrorBody.response(401, "unauthorized", "Unknown store or wrong API key"));
            return;
        }
        Long pathStoreId = parseId(request.getUriInfo().getPathParameters().getFirst(StoreScoped.PATH_PARAM));
        if (pathStoreId == null || !pathStoreId.equals(headerStoreId)) {
            request.abortWith(ErrorBody.response(403, "forbidden", "This API key does not open that store"));
        }
    }

    private static Long parseId(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
