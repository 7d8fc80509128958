package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.fault.Misbehaviour;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * The routes of one way a store can misbehave ({@link Misbehaviour}): GET shows the settings in force, PUT replaces
 * them as a whole (a JSON body is required), DELETE switches them off (204). A subclass names its path, where a store
 * keeps that misbehaviour, and how a PUT body becomes settings.
 *
 * @param <S> the settings, which GET and PUT answer with
 * @param <R> the PUT body
 */
public abstract class StoreMisbehaviourResource<S, R> {

    private final ControlStores stores;
    private final Function<SandboxStore, Misbehaviour<S>> misbehaviour;

    protected StoreMisbehaviourResource(ControlStores stores, Function<SandboxStore, Misbehaviour<S>> misbehaviour) {
        this.stores = stores;
        this.misbehaviour = misbehaviour;
    }

    /** The settings a PUT body asks for; IllegalArgumentException (a 400) for settings that cannot be. */
    protected abstract S settings(R request);

    @GET
    public S get(@PathParam("domain") String domain) {
        return of(domain).settings();
    }

    @PUT
    public S set(@PathParam("domain") String domain, R request) {
        if (request == null) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        S settings = settings(request);
        of(domain).configure(settings);
        return settings;
    }

    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        of(domain).clear();
        return Response.noContent().build();
    }

    private Misbehaviour<S> of(String domain) {
        return misbehaviour.apply(stores.require(domain));
    }

    /** A field the PUT body left out takes its default. */
    protected static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
