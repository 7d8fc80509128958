package com.orderdesk.cartcom.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with a 413 in the API's error shape
 * ({@code body_too_large}) instead of Quarkus' empty one, before a byte of the body is read. It sits just in front
 * of Quarkus' own upload limit, which still guards bodies that announce no length (chunked) with a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {
    private final Optional<MemorySize> limit;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
                  ObjectMapper json) {
        this.limit = limit;
        this.json = json;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> refuseIfLarger(context, max.asLongValue())));
    }

    private void refuseIfLarger(RoutingContext context, long max) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (announced == null || !isLarger(announced, max)) {
            context.next();
            return;
        }
        // The body is never read: the connection closes after the answer, so its bytes cannot be taken for a
        // next request.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(body(max));
    }

    private static boolean isLarger(String announced, long max) {
        try {
            return Long.parseLong(announced.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private String body(long max) {
        try {
            return json.writeValueAsString(new ErrorBody(new ErrorBody.Error("body_too_large",
                    "the request body is larger than " + max + " bytes", null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
