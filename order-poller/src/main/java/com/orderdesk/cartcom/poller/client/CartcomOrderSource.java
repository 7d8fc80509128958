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
 * Reads order pages from one store (through an {@link OrderWalk}) and completes the orders to publish with their
 * addresses and customers, one {@code select_many} call each per page (the order carries only their ids).
 * Retryable failures (429, 5xx) are retried when the wait is short, honouring Retry-After; everything else is
 * thrown to the poll, which decides (pause on rejected credentials, reschedule when throttled, back off otherwise).
 */
@ApplicationScoped
public class CartcomOrderSource {
    private static final Logger LOG = Logger.getLogger(CartcomOrderSource.class);

    private final PollerConfig config;

    public CartcomOrderSource(PollerConfig config) {
        this.config = config;
    }

    /** A keyset walk over the orders matching {@code filter}, by {@code field} then id (see {@link OrderWalk}). */
    public OrderWalk walk(CartcomStoreApi api, Map<String, String> filter, String field, Instant from, ListKey resumeAfter,
                          ZoneId storeZone) {
        return new OrderWalk(this, api, filter, field, from, resumeAfter, config.pageSize(), storeZone);
    }

    /** One list call; each order keyed by (field, id) for the walk. */
    List<ListedOrder> list(CartcomStoreApi api, Map<String, String> query, String field, ZoneId storeZone) {
        ListPage page = call(() -> api.listOrders(query));
        List<ListedOrder> orders = new ArrayList<>(page.items().size());
        for (ObjectNode order : page.items()) {
            long id = id(order, "id").orElseThrow(() -> malformed("order without id"));
            Instant at = CartcomDates.parse(order.path(field).asText(""), storeZone)
                    .orElseThrow(() -> malformed("order " + id + " without a readable " + field));
            String updatedRaw = order.path("updated_at").asText("");
            orders.add(new ListedOrder(id, new ListKey(at, id), updatedRaw,
                    CartcomDates.parse(updatedRaw, storeZone).orElse(null), order));
        }
        return orders;
    }

    /** Adds the addresses and customers of {@code orders}: one {@code select_many} call each, none for no orders. */
    public List<FetchedOrder> complete(CartcomStoreApi api, List<ListedOrder> orders) {
        Set<Long> addressIds = new LinkedHashSet<>();
        Set<Long> customerIds = new LinkedHashSet<>();
        for (ListedOrder listed : orders) {
            id(listed.order(), "order_shipping_address_id").ifPresent(addressIds::add);
            id(listed.order(), "order_billing_address_id").ifPresent(addressIds::add);
            id(listed.order(), "customer_id").ifPresent(customerIds::add);
        }
        Map<Long, ObjectNode> addresses = byId(selectMany(() -> api.orderAddresses(addressIds), "order addresses"));
        Map<Long, ObjectNode> customers = byId(selectMany(() -> api.customers(customerIds), "customers"));
        List<FetchedOrder> fetched = new ArrayList<>(orders.size());
        for (ListedOrder listed : orders) {
            ObjectNode order = listed.order();
            fetched.add(new FetchedOrder(listed.id(), listed.updatedAtRaw(), listed.updatedAt(), order,
                    id(order, "order_shipping_address_id").map(addresses::get).orElse(null),
                    id(order, "order_billing_address_id").map(addresses::get).orElse(null),
                    id(order, "customer_id").map(customers::get).orElse(null)));
        }
        return fetched;
    }

    private static CartcomException malformed(String what) {
        return new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200, "unexpected response: " + what, null, null);
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

    /**
     * Retries a failed call only when the wait is short (Retry-After or backoff up to call-retry-max-wait), so a
     * worker never sleeps long for one store: a longer Retry-After ends the poll and the store is rescheduled.
     * Timeouts are not retried here: each already held the worker for the whole request timeout.
     */
    private <T> T call(Supplier<T> call) {
        int attempt = 0;
        while (true) {
            try {
                return call.get();
            } catch (CartcomException e) {
                Duration wait = e.retryAfter().orElse(backoff(attempt));
                if (!e.retryable() || e.kind() == CartcomException.Kind.TIMEOUT || attempt >= config.callRetries()
                        || wait.compareTo(config.callRetryMaxWait()) > 0) {
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
