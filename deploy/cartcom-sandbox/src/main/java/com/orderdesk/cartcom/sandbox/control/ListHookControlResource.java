package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.ListHook;
import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Arms a status change for the middle of a poller's paging: after the next N order-list calls, the orders move
 * to the status (as an importer's "after import" status would move them). Replaces any hook armed before.
 */
@Path("/_sandbox/stores/{domain}/list-hook")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ListHookControlResource {

    private final ControlStores stores;

    public ListHookControlResource(ControlStores stores) {
        this.stores = stores;
    }

    @PUT
    public Map<String, Object> arm(@PathParam("domain") String domain, ListHookRequest request) {
        if (request == null || request.orderStatusId() == null) {
            throw new IllegalArgumentException("order_status_id is required");
        }
        SandboxStore store = stores.require(domain);
        boolean statusExists = store.data().read(data -> data.statuses.containsKey(request.orderStatusId()));
        if (!statusExists) {
            throw new IllegalArgumentException("Order status " + request.orderStatusId() + " does not exist");
        }
        ListHook hook = new ListHook(request.afterListCalls() == null ? 1 : request.afterListCalls(), request.orderIds(),
                request.orderStatusId());
        store.listHook().set(hook);
        return view(hook);
    }

    @GET
    public Map<String, Object> get(@PathParam("domain") String domain) {
        ListHook hook = stores.require(domain).listHook().get();
        if (hook == null) {
            throw new RecordNotFoundException("No list hook is armed on " + domain);
        }
        return view(hook);
    }

    @DELETE
    public Response disarm(@PathParam("domain") String domain) {
        stores.require(domain).listHook().set(null);
        return Response.noContent().build();
    }

    private static Map<String, Object> view(ListHook hook) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("after_list_calls", hook.afterListCalls());
        view.put("order_ids", hook.orderIds());
        view.put("order_status_id", hook.orderStatusId());
        view.put("fired", hook.fired());
        return view;
    }
}
