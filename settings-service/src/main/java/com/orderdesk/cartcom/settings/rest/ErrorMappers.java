package com.orderdesk.cartcom.settings.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.orderdesk.cartcom.settings.service.ApiException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves the API in the {@code {error: {code, message}}} shape, never as a stack trace. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return ErrorBody.of(e);
    }

    /** A body that is not JSON or has a field of the wrong type. The parser's message can quote input: not echoed. */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? " (field " + mapping.getPath().get(mapping.getPath().size() - 1).getFieldName() + ")" : "";
        return ErrorBody.response(400, "invalid_request", "The request body is not valid JSON of the expected shape" + field);
    }

    /**
     * A value of the wrong type (a string for a number, an array for an object). Named on its own because Quarkus
     * maps this exception with a built-in mapper (400, empty body) that is more specific than the one above.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response webApplicationException(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406, 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
        return ErrorBody.response(status, code, e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return ErrorBody.response(500, "internal_error", "Something went wrong on our side");
    }
}
