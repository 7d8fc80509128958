package com.orderdesk.cartcom.settings.rest.auth;

import com.orderdesk.cartcom.settings.config.OrderDeskConfig;
import com.orderdesk.cartcom.settings.rest.ErrorBody;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

@AdminOnly
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {
    private static final String BEARER = "Bearer ";

    // Looked up per request: JAX-RS providers are built at static init, before runtime config mappings exist.
    @Inject
    Instance<OrderDeskConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : "";
        // Constant time, so the answer's timing says nothing about how much of the token was right.
        boolean valid = !presented.isEmpty() && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), config.get().adminToken().getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            request.abortWith(ErrorBody.response(401, "unauthorized", "A valid admin bearer token is required"));
        }
    }
}
