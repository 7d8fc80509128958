package com.orderdesk.cartcom.importer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.devstack.CartcomSandbox;
import com.orderdesk.cartcom.kit.cartcom.CartcomClient;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads orders from the Cart.com sandbox over its real API exactly as the poller does (one order with items,
 * payments, shipments and custom fields expanded; its addresses and customer by {@code select_many}) and wraps
 * them in the {@link CartOrderFetched} the poller would publish: the importer's input as Cart.com really shapes it.
 */
public final class SandboxOrders {
    public static final String EXPAND = "items,payments,shipments,custom_fields";
    private static final CartcomClient CLIENT = new CartcomClient(
            new CartcomEndpoints(CartcomSandbox.baseUrlTemplate(), true), Duration.ofSeconds(5), Duration.ofSeconds(20));

    private SandboxOrders() {
    }

    public static CartOrderFetched fetch(long storeId, String domain, String token, long cartOrderId, UUID importId) {
        CartcomStoreApi api = CLIENT.store(domain, token);
        ObjectNode order = api.order(cartOrderId, EXPAND);
        long shippingId = order.path("order_shipping_address_id").asLong();
        long billingId = order.path("order_billing_address_id").asLong();
        Map<Long, ObjectNode> addresses = selectAll(api::orderAddresses, List.of(shippingId, billingId));
        ObjectNode customer = order.hasNonNull("customer_id")
                ? selectAll(api::customers, List.of(order.get("customer_id").asLong())).get(order.get("customer_id").asLong())
                : null;
        return CartOrderFetched.of(storeId, cartOrderId, importId, order, addresses.get(shippingId),
                addresses.get(billingId), customer);
    }

    /**
     * A real-world store's select_many leaves some ids out, or answers 404, the first time it is asked (sandbox
     * {@code select_many_gaps}); like the poller, ask again for what is missing.
     */
    private static Map<Long, ObjectNode> selectAll(Function<List<Long>, List<ObjectNode>> selectMany, List<Long> ids) {
        Map<Long, ObjectNode> found = new java.util.HashMap<>();
        for (int attempt = 0; attempt < 3 && !found.keySet().containsAll(ids); attempt++) {
            List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).distinct().toList();
            try {
                found.putAll(byId(selectMany.apply(missing)));
            } catch (CartcomException e) {
                if (e.kind() != CartcomException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return found;
    }

    private static Map<Long, ObjectNode> byId(List<ObjectNode> records) {
        return records.stream().collect(Collectors.toMap(r -> r.path("id").asLong(), Function.identity(), (a, b) -> a));
    }

    /** The sandbox's view of an order's current status. */
    public static long statusAtCartcom(String domain, long cartOrderId) {
        JsonNode order = CartcomSandbox.control().order(domain, cartOrderId);
        return order.path("order_status_id").asLong();
    }
}
