package com.orderdesk.cartcom.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import com.orderdesk.cartcom.kit.auth.StoreAuthenticationMechanism;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves the API in the {@code {error: {code, message}}} shape, never as a stack trace. */
public class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** So that {@code fields} names what the client sent. */
    private final FieldNames fieldNames;

    ErrorMappers(FieldNames fieldNames) {
        this.fieldNames = fieldNames;
    }

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

    /**
     * Bean Validation constraints of a request: 422 with the code of the method's {@link InvalidInput} and each field
     * that failed (the last property or parameter of its path, named as in the JSON) with its constraint's message. A
     * failed return value is our fault: 500.
     */
    @ServerExceptionMapper
    public Response invalidInput(ResteasyReactiveViolationException e, ResourceInfo resource) {
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getExecutableReturnValue() != null)) {
            return unexpected(e);
        }
        Map<String, String> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            fields.putIfAbsent(fieldNames.of(violation.getPropertyPath()), violation.getMessage());
        }
        InvalidInput declared = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(InvalidInput.class);
        return ErrorBody.response(422, declared == null ? "invalid_request" : declared.code(),
                declared == null ? "invalid input" : declared.message(), fields);
    }

    /**
     * A constraint validator that reads stored data (a cross-parameter rule of the store) may refuse the request
     * outright with an ApiException, which Bean Validation hands on wrapped. Anything else is our fault: 500.
     */
    @ServerExceptionMapper
    public Response validationFailed(ValidationException e) {
        return e.getCause() instanceof ApiException refusal ? ErrorBody.of(refusal) : unexpected(e);
    }

    /**
     * Security's refusals, in the error shape: no identity or a wrong one is 401, and so is an identity without the
     * role the call needs (a store key on an admin call needs other credentials). Another store's path is 403
     * ({@link com.orderdesk.cartcom.kit.auth.StoreScopeFilter}).
     */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return ErrorBody.response(401, "unauthorized", StoreAuthenticationMechanism.CHALLENGE);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ErrorBody.response(401, "unauthorized", "Unknown store or wrong API key (or admin token)");
    }

    @ServerExceptionMapper
    public Response roleMissing(ForbiddenException e) {
        return ErrorBody.response(401, "unauthorized",
                "These credentials do not open this call (operators: a valid admin bearer token)");
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
