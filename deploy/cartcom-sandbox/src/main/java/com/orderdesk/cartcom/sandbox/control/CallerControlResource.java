package com.orderdesk.cartcom.sandbox.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.orderdesk.cartcom.sandbox.store.CallerCounts;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.StoreSettings;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A store's Cart.com calls counted by caller (User-Agent): every service shares the store's call budget, and a test
 * or benchmark needs to know which of them was answered 429, by the window or by a simulated fault.
 */
@Path("/_sandbox/stores/{domain}/callers")
@Produces(MediaType.APPLICATION_JSON)
public class CallerControlResource {

    private final ControlStores stores;

    public CallerControlResource(ControlStores stores) {
        this.stores = stores;
    }

    /** since: when counting began (the store's creation or the last DELETE), UTC; window: the limit in force now. */
    public record CallersView(List<CallerView> callers, String since, Window window) {
    }

    /** faults_429 spelled as the README has it (snake case alone would write faults429). */
    public record CallerView(String caller, long calls, long rateLimited, @JsonProperty("faults_429") long faults429) {
        static CallerView of(CallerCounts.Count c) {
            return new CallerView(c.caller(), c.calls(), c.rateLimited(), c.faults429());
        }
    }

    public record Window(String plan, int rateLimit, int windowSeconds) {
        static Window of(StoreSettings s) {
            return new Window(s.planName(), s.rateLimit(), s.windowSeconds());
        }
    }

    @GET
    public CallersView get(@PathParam("domain") String domain) {
        SandboxStore store = stores.require(domain);
        return new CallersView(store.callers().snapshot().stream().map(CallerView::of).toList(),
                store.callers().since().toString(),
                Window.of(store.settings()));
    }

    @DELETE
    public Response clear(@PathParam("domain") String domain) {
        stores.require(domain).callers().clear(stores.now());
        return Response.noContent().build();
    }
}
