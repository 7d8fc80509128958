package com.orderdesk.cartcom.importer.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes {@link ApiException}s as {@code {error: {code, message, fields?}}}. */
public class ApiExceptionMapper {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorBody(String code, String message, Map<String, String> fields) {
    }

    public record ErrorEnvelope(ErrorBody error) {
    }

    @ServerExceptionMapper
    public Response map(ApiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorEnvelope(new ErrorBody(e.code(), e.getMessage(), e.fields()))).build();
    }
}
