package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.StoreRegistry;
import com.orderdesk.cartcom.sandbox.store.ValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Control API failures as small JSON bodies; Cart.com routes never reach these (their pipeline answers). */
public class ControlExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(RecordNotFoundException e) {
        return error(404, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response taken(StoreRegistry.DomainTakenException e) {
        return error(409, "domain_taken", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalid(ValidationException e) {
        return error(409, "conflict", e.getMessage());
    }

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return error(400, "bad_request", e.getMessage());
    }

    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ControlError(code, message)).build();
    }
}
