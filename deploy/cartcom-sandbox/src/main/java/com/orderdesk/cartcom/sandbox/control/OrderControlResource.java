package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.seed.OrderDraft;
import com.orderdesk.cartcom.sandbox.seed.OrderFactory;
import com.orderdesk.cartcom.sandbox.seed.OrderSeeder;
import com.orderdesk.cartcom.sandbox.store.OrderStatusUpdater;
import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import com.orderdesk.cartcom.sandbox.store.ValidationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Orders as the merchant's side makes them: seeded in bulk, placed one at a time, moved between statuses. */
@Path("/_sandbox/stores/{domain}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderControlResource {

    private static final int MAX_SEED = 5000;

    private final ControlStores stores;

    public OrderControlResource(ControlStores stores) {
        this.stores = stores;
    }

    @POST
    @Path("seed")
    public Response seed(@PathParam("domain") String domain, SeedRequest request) {
        SeedRequest body = request == null ? new SeedRequest(null, null, null, null) : request;
        int count = body.count() == null ? 1 : body.count();
        if (count < 1 || count > MAX_SEED) {
            throw new IllegalArgumentException("count must be between 1 and " + MAX_SEED);
        }
        Random random = body.seed() == null ? new Random() : new Random(body.seed());
        OrderSeeder seeder = new OrderSeeder(random);
        Instant now = stores.now();
        long secondsBack = body.daysBack() == null ? 0 : body.daysBack() * 86_400L;
        SandboxStore store = stores.require(domain);
        List<Long> ids = store.data().write(data -> {
            requireStatus(data, body.orderStatusId());
            // Older orders get lower ids, as they would have in a real store.
            List<Instant> orderedAt = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                orderedAt.add(OrderDrafts.orderedAt(now, secondsBack, random));
            }
            orderedAt.sort((a, b) -> a == null || b == null ? 0 : a.compareTo(b));
            List<Long> placed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OrderDraft draft = seeder.draft(new ArrayList<>(data.customers.values()));
                draft.orderStatusId = body.orderStatusId();
                draft.orderedAt = orderedAt.get(i);
                placed.add(OrderFactory.place(data, draft, now, store.settings().realWorld()).id());
            }
            return placed;
        });
        return Response.status(201).entity(Map.of("order_ids", ids)).build();
    }

    @POST
    public Response create(@PathParam("domain") String domain, OrderRequest request) {
        SandboxStore store = stores.require(domain);
        OrderRequest body = request == null
                ? new OrderRequest(null, null, null, null, null, null, null, null, null, null) : request;
        OrderSeeder seeder = new OrderSeeder(body.seed() == null ? new Random() : new Random(body.seed()));
        Map<String, Object> json = store.data().write(data -> {
            requireStatus(data, body.orderStatusId());
            OrderDraft draft = OrderDrafts.from(body, seeder, new ArrayList<>(data.customers.values()),
                    store.settings().zone());
            StoredOrder order = OrderFactory.place(data, draft, stores.now(), store.settings().realWorld());
            return ControlOrderView.of(data, order, store.settings().zone());
        });
        return Response.status(201).entity(json).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("domain") String domain, @PathParam("id") long id) {
        SandboxStore store = stores.require(domain);
        return store.data().read(data -> ControlOrderView.of(data, order(data, id), store.settings().zone()));
    }

    /** The merchant changes the status in the admin console: same effects as the API route, not logged. */
    @PUT
    @Path("{id}/status")
    public Map<String, Object> changeStatus(@PathParam("domain") String domain, @PathParam("id") long id,
                                            StatusChangeRequest request) {
        if (request == null || request.orderStatusId() == null) {
            throw new IllegalArgumentException("order_status_id is required");
        }
        SandboxStore store = stores.require(domain);
        return store.data().write(data -> {
            order(data, id);
            StoredOrder order = OrderStatusUpdater.change(data, id, request.orderStatusId(), stores.now());
            return ControlOrderView.of(data, order, store.settings().zone());
        });
    }

    private static StoredOrder order(StoreData data, long id) {
        StoredOrder order = data.orders.get(id);
        if (order == null) {
            throw new RecordNotFoundException("Order " + id + " was not found");
        }
        return order;
    }

    private static void requireStatus(StoreData data, Long statusId) {
        if (statusId != null && !data.statuses.containsKey(statusId)) {
            throw new ValidationException("Order status " + statusId + " does not exist");
        }
    }
}
