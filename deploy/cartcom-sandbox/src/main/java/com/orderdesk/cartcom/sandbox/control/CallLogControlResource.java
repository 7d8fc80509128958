package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.CallRecord;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Every Cart.com call a store received (401s, 429s and faulted ones included), oldest first. */
@Path("/_sandbox/stores/{domain}/calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallLogControlResource {

    private final ControlStores stores;

    public CallLogControlResource(ControlStores stores) {
        this.stores = stores;
    }

    /**
     * at is UTC; query is decoded (so "+" reads as a space); fault names an injected fault or is null; cache_control
     * is the request's Cache-Control header or null; body is what a write sent (its first 4,096 characters), null for
     * a read; caller is the request's User-Agent (its first 100 characters) or null.
     */
    public record CallView(String at, String method, String path, String query, int status, String fault, String cacheControl,
                           String body, String caller) {
        static CallView of(CallRecord r) {
            return new CallView(r.at().toString(), r.method(), r.path(), r.query(), r.status(), r.fault(), r.cacheControl(),
                    r.body(), r.caller());
        }
    }

    @GET
    public List<CallView> list(@PathParam("domain") String domain) {
        return stores.require(domain).callLog().snapshot().stream().map(CallView::of).toList();
    }

    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        stores.require(domain).callLog().clear();
        return Response.noContent().build();
    }
}
