package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.launcher.LocalSystem;
import com.orderdesk.cartcom.launcher.OrderDesk;
import com.orderdesk.cartcom.launcher.Service;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import java.util.Map;

/**
 * The store every bad input is aimed at: an Order Desk store connected to a sandbox store, plus a second store
 * (its key, its folder) for the "another store's" cases. The sandbox store has a second shipped status so that each
 * round of valid traffic can change the settings in a way every consumer shows (see {@link #settingsFor}).
 */
final class BadInputStore {
    final LocalSystem system;
    final OrderDesk orderDesk;
    final SandboxControl sandbox;
    final SandboxControl.SandboxStore cart;
    final OrderDesk.Store store;
    final OrderDesk.Store otherStore;
    final long pendingStatus;
    final long backorderedStatus;
    final long approvedStatus;
    final long shippedStatus;
    final long otherShippedStatus;
    final long newFolder;
    final long otherStoresFolder;

    private BadInputStore(LocalSystem system, OrderDesk orderDesk, SandboxControl sandbox, SandboxControl.SandboxStore cart,
                          OrderDesk.Store store, OrderDesk.Store otherStore, long otherShippedStatus) {
        this.system = system;
        this.orderDesk = orderDesk;
        this.sandbox = sandbox;
        this.cart = cart;
        this.store = store;
        this.otherStore = otherStore;
        this.otherShippedStatus = otherShippedStatus;
        this.pendingStatus = orderDesk.statusId(store, s -> s.path("name").asText().equalsIgnoreCase("Pending Processing"),
                "Pending Processing");
        this.backorderedStatus = orderDesk.statusId(store, s -> s.path("name").asText().equalsIgnoreCase("Backordered"),
                "Backordered");
        this.approvedStatus = orderDesk.statusId(store, s -> s.path("name").asText().toLowerCase().startsWith("approved"),
                "Approved");
        this.shippedStatus = orderDesk.statusId(store, s -> s.path("name").asText().equals("Shipped"), "Shipped");
        this.newFolder = orderDesk.folderId(store, "New");
        this.otherStoresFolder = orderDesk.folderId(otherStore, "New");
    }

    static BadInputStore create(LocalSystem system) {
        SandboxControl sandbox = new SandboxControl(system.sandboxUrl());
        OrderDesk orderDesk = new OrderDesk(system.baseUrl(Service.SETTINGS), system.baseUrl(Service.IMPORTER),
                system.adminToken());
        // Gold: 13 rounds of polls, imports, status updates and shipments stay far below its call limit.
        SandboxControl.SandboxStore cart = sandbox.createStore("gold");
        // Added before connecting, so the connection check already lists it among the live statuses.
        JsonNode alternative = new JsonHttp(system.sandboxUrl(), Map.of())
                .post("/_sandbox/stores/" + cart.domain() + "/order_statuses",
                        Map.of("name", "Shipped (bad input run)", "is_shipped", true))
                .expect(201, "add a second shipped status");
        OrderDesk.Store store = orderDesk.createStore("Bad input store", "America/Chicago");
        orderDesk.connect(store, cart.domain(), cart.token());
        OrderDesk.Store otherStore = orderDesk.createStore("Another store", "UTC");
        return new BadInputStore(system, orderDesk, sandbox, cart, store, otherStore, alternative.path("id").asLong());
    }

    /**
     * Round {@code n}'s settings: the prefix names the round (the importer shows it), the download status and the
     * after-shipment status alternate (the poller only finds the round's order, and shipment-sync only sets the
     * round's status, once they have the round's snapshot).
     */
    OrderDesk.Settings settingsFor(int round) {
        boolean even = round % 2 == 0;
        return new OrderDesk.Settings(downloadStatusOf(round), approvedStatus, even ? shippedStatus : otherShippedStatus,
                newFolder, prefixOf(round), 5);
    }

    long downloadStatusOf(int round) {
        return round % 2 == 0 ? pendingStatus : backorderedStatus;
    }

    static String prefixOf(int round) {
        return "R" + round + "-";
    }

    String key() {
        return Long.toString(store.id());
    }

    String integrationPath() {
        return orderDesk.integrationPath(store);
    }

    String settingsUrl() {
        return system.baseUrl(Service.SETTINGS);
    }

    /** Store-scoped headers of the target store. */
    Map<String, String> headers() {
        return Map.of(ApiKeys.STORE_ID_HEADER, key(), ApiKeys.API_KEY_HEADER, store.apiKey());
    }

    JsonHttp settingsApi() {
        return orderDesk.settings(store);
    }
}
