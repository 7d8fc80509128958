package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.launcher.OrderDesk;
import com.orderdesk.cartcom.launcher.Waits;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One round of valid traffic for the target store, through the system's own producers, so that it follows the
 * round's bad records on the same key (the store id) and partition of every consumed topic:
 * a settings change (store-settings), a manual import (import-requests), a new Cart.com order that the poller
 * fetches (orders.raw) and the importer imports (orders.imported, activity), and a shipment (shipments.created).
 * Each effect is awaited where a merchant would see it; one that never shows means a consumer stopped.
 */
final class ValidRound {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private final BadInputStore target;

    ValidRound(BadInputStore target) {
        this.target = target;
    }

    /** Runs round {@code round}; throws naming the first effect that did not show. */
    void run(int round) {
        OrderDesk orderDesk = target.orderDesk;
        OrderDesk.Settings settings = target.settingsFor(round);
        orderDesk.saveSettings(target.store, settings);
        String importId = requestImport();
        long cartOrderId = target.sandbox.seedOrders(target.cart.domain(), 1, settings.downloadStatusId()).get(0);

        String sourceId = BadInputStore.prefixOf(round) + cartOrderId;
        JsonNode order = await("order " + sourceId + " imported (poller has the round's download status, importer the "
                + "round's prefix)", () -> orderDesk.orderBySourceId(target.store, sourceId));
        String tracking = "BI" + round + "T" + order.path("id").asText();
        orderDesk.addShipment(target.store, order.path("id").asLong(), tracking, "UPS", "Ground");
        await("shipment " + tracking + " at Cart.com, order in the round's after-shipment status "
                + settings.afterShipmentStatusId(), () -> {
            JsonNode cartOrder = target.sandbox.order(target.cart.domain(), cartOrderId);
            boolean shipped = cartOrder.path("shipments").toString().contains(tracking);
            return shipped && cartOrder.path("order_status_id").asLong() == settings.afterShipmentStatusId()
                    ? Optional.of(cartOrder) : Optional.empty();
        });
        await("manual import " + importId + " completed", () -> importCompleted(importId));
        await("activity lists the import of Cart.com order " + cartOrderId, () -> activityOfImport(cartOrderId));
        int copies = orderDesk.importer(target.store).get("/api/v1/stores/" + target.key() + "/orders?source_id=" + sourceId)
                .expect(200, "orders by source id").path("orders").size();
        if (copies != 1) {
            throw new AssertionError("round " + round + ": " + copies + " orders for " + sourceId + ", not one");
        }
    }

    private String requestImport() {
        JsonNode accepted = target.settingsApi().post(target.integrationPath() + "/imports",
                Map.of("since", Instant.now().minus(Duration.ofMinutes(2)).toString())).expect(202, "manual import");
        return accepted.path("import_id").asText();
    }

    private Optional<JsonNode> importCompleted(String importId) {
        JsonNode progress = target.settingsApi().get(target.integrationPath() + "/imports/" + importId)
                .expect(200, "import progress");
        String status = progress.path("status").asText();
        if (status.equals("failed")) {
            throw new AssertionError("manual import " + importId + " failed: " + progress);
        }
        return status.equals("completed") ? Optional.of(progress) : Optional.empty();
    }

    private Optional<JsonNode> activityOfImport(long cartOrderId) {
        JsonNode activity = target.settingsApi().get(target.integrationPath() + "/activity?limit=200")
                .expect(200, "activity");
        for (JsonNode entry : activity.isArray() ? activity : activity.path("activity")) {
            if (entry.path("kind").asText().equals(ActivityKinds.ORDER_IMPORTED)
                    && entry.path("cart_order_id").asLong() == cartOrderId) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        try {
            return Waits.until(what, WAIT, probe);
        } catch (IllegalStateException timedOut) {
            throw new AssertionError("did not happen within " + WAIT + ": " + what
                    + (timedOut.getCause() == null ? "" : " (last error: " + timedOut.getCause().getMessage() + ")"));
        }
    }
}
