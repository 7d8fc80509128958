package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.cartcom.CartcomException;
import com.orderdesk.cartcom.model.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.model.cartcom.ListPage;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Reads order pages from one store and completes each page with its addresses and customers, one
 * {@code select_many} call each per page (the order carries only their ids). Retryable failures (429, 5xx,
 * timeouts) are retried a few times with backoff and jitter, honouring Retry-After; everything else is thrown
 * to the poll, which decides (pause on rejected credentials, back off otherwise).
 */
@ApplicationScoped
public class CartcomOrderSource {
    private static final Logger LOG = Logger.getLogger(CartcomOrderSource.class);

    private final PollerConfig config;

    public CartcomOrderSource(PollerConfig config) {
        this.config = config;
    }

    public OrderPage firstPage(CartcomStoreApi api, Map<String, String> query, ZoneId storeZone) {
        return enrich(api, call(() -> api.listOrders(query)), storeZone);
    }

    public OrderPage nextPage(CartcomStoreApi api, String absoluteUrl, ZoneId storeZone) {
        return enrich(api, call(() -> api.page(absoluteUrl, "orders")), storeZone);
    }

    private OrderPage enrich(CartcomStoreApi api, ListPage page, ZoneId storeZone) {
        Set<Long> addressIds = new LinkedHashSet<>();
        Set<Long> customerIds = new LinkedHashSet<>();
        for (ObjectNode order : page.items()) {
            id(order, "order_shipping_address_id").ifPresent(addressIds::add);
            id(order, "order_billing_address_id").ifPresent(addressIds::add);
            id(order, "customer_id").ifPresent(customerIds::add);
        }
        Map<Long, ObjectNode> addresses = byId(selectMany(() -> api.orderAddresses(addressIds), "order addresses"));
        Map<Long, ObjectNode> customers = byId(selectMany(() -> api.customers(customerIds), "customers"));

        List<FetchedOrder> orders = new ArrayList<>(page.items().size());
        for (ObjectNode order : page.items()) {
            long id = id(order, "id").orElseThrow(() -> new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200,
                    "unexpected response: order without id", null, null));
            String updatedRaw = order.path("updated_at").asText("");
            Instant updatedAt = CartcomDates.parse(updatedRaw, storeZone).orElse(null);
            orders.add(new FetchedOrder(id, updatedRaw, updatedAt, order,
                    id(order, "order_shipping_address_id").map(addresses::get).orElse(null),
                    id(order, "order_billing_address_id").map(addresses::get).orElse(null),
                    id(order, "customer_id").map(customers::get).orElse(null)));
        }
        return new OrderPage(orders, page.nextPage());
    }

    /** A select_many that finds none answers 404; that is "no records", not a failed poll. */
    private List<ObjectNode> selectMany(Supplier<List<ObjectNode>> fetch, String what) {
        try {
            return call(fetch);
        } catch (CartcomException e) {
            if (e.kind() == CartcomException.Kind.NOT_FOUND) {
                LOG.warnf("Cart.com found none of the %s asked for: %s", what, e.getMessage());
                return List.of();
            }
            throw e;
        }
    }

    private <T> T call(Supplier<T> call) {
        int attempt = 0;
        while (true) {
            try {
                return call.get();
            } catch (CartcomException e) {
                Duration wait = e.retryAfter().orElse(backoff(attempt));
                if (!e.retryable() || attempt >= config.callRetries() || wait.compareTo(config.callRetryMaxWait()) > 0) {
                    throw e;
                }
                attempt++;
                sleep(wait);
            }
        }
    }

    private static Duration backoff(int attempt) {
        long base = 500L << Math.min(attempt, 5);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CartcomException(CartcomException.Kind.TIMEOUT, 0, "interrupted while waiting to retry", null, e);
        }
    }

    private static Map<Long, ObjectNode> byId(List<ObjectNode> nodes) {
        return nodes.stream().filter(n -> id(n, "id").isPresent())
                .collect(Collectors.toMap(n -> id(n, "id").get(), Function.identity(), (a, b) -> a));
    }

    /** Ids come as numbers, sometimes as strings; 0 or empty means none. */
    static java.util.Optional<Long> id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return java.util.Optional.empty();
        }
        long id = value.isNumber() ? value.asLong() : parseLong(value.asText());
        return id > 0 ? java.util.Optional.of(id) : java.util.Optional.empty();
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
