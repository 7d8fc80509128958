package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.cartcom.ListPage;
import com.orderdesk.cartcom.kit.retry.RetryAfterBackoff;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.Retry;
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

    /** select_many calls per kind and page at most, while each brings some of the ids still missing. */
    private static final int SELECT_MANY_ROUNDS = 10;

    private final PollerConfig config;

    public CartcomOrderSource(PollerConfig config) {
        this.config = config;
    }

    /** A keyset walk over the orders matching {@code filter}, by {@code field} then id (see {@link OrderWalk}). */
    public OrderWalk walk(CartcomStoreApi api, Map<String, String> filter, String field, Instant from, ListKey resumeAfter,
                          ZoneId storeZone) {
        return new OrderWalk(this, api, filter, field, from, resumeAfter, config.pageSize(), storeZone);
    }

    /** A page of listed orders, and whether the store says more follow (its next_page). */
    record Listed(List<ListedOrder> orders, boolean more) {
    }

    /**
     * One list call; each order keyed by (field, id) for the walk. An order whose field cannot be read ({@code ""},
     * null, not a date, a local time without offset: live stores send such) gets a stand-in key after the row before it ({@code start} for the
     * first: where the query begins), so one odd order never fails the page and its store.
     */
    Listed list(CartcomStoreApi api, Map<String, String> query, String field, ZoneId storeZone, ListKey start) {
        ListPage page = call(() -> api.listOrders(query));
        List<ListedOrder> orders = new ArrayList<>(page.items().size());
        ListKey previous = start;
        for (ObjectNode order : page.items()) {
            long id = id(order, "id").orElseThrow(() -> malformed("order without id"));
            // Only a datetime with its offset keys the walk: a local time's zone is a guess, and a guess ahead of the
            // truth would move the cursor past orders not yet seen (a stand-in key is always safe).
            Instant at = CartcomDates.absoluteOrNull(order.path(field).asText(""));
            ListKey key = at != null ? new ListKey(at, id) : ListKey.standIn(previous, id);
            String updatedRaw = order.path("updated_at").asText("");
            orders.add(new ListedOrder(id, key, at == null, updatedRaw,
                    CartcomDates.parse(updatedRaw, storeZone).orElse(null), order));
            previous = key;
        }
        return new Listed(orders, page.nextPage() != null);
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
        Map<Long, ObjectNode> addresses = selectAll(api::orderAddresses, addressIds, "order addresses");
        Map<Long, ObjectNode> customers = selectAll(api::customers, customerIds, "customers");
        List<FetchedOrder> fetched = new ArrayList<>(orders.size());
        for (ListedOrder listed : orders) {
            ObjectNode order = listed.order();
            List<String> missing = new ArrayList<>();
            ObjectNode shipping = referenced(order, "order_shipping_address_id", addresses, "its shipping address", missing);
            ObjectNode billing = referenced(order, "order_billing_address_id", addresses, "its billing address", missing);
            ObjectNode customer = referenced(order, "customer_id", customers, "its customer", missing);
            if (!order.path("items").isArray()) {
                // Listed without items although expand=items was asked: the order by id has them.
                missing.add("its items");
            }
            fetched.add(new FetchedOrder(listed.id(), listed.updatedAtRaw(), listed.updatedAt(), order, shipping, billing,
                    customer, missing.isEmpty() ? null : String.join(", ", missing)));
        }
        return fetched;
    }

    /** The record the order names by {@code idField}; when it names one Cart.com did not give, says so in {@code missing}. */
    private static ObjectNode referenced(ObjectNode order, String idField, Map<Long, ObjectNode> found, String what,
                                         List<String> missing) {
        java.util.Optional<Long> id = id(order, idField);
        ObjectNode record = id.map(found::get).orElse(null);
        if (id.isPresent() && record == null) {
            missing.add(what + " " + id.get());
        }
        return record;
    }

    /**
     * One order by id with the walk's expansions (a held order's retry), as a list page would have given it;
     * empty when Cart.com no longer has it.
     */
    public java.util.Optional<ListedOrder> byId(CartcomStoreApi api, long orderId, ZoneId storeZone) {
        ObjectNode order;
        try {
            order = call(() -> api.order(orderId, OrderQueries.EXPAND));
        } catch (CartcomException e) {
            if (e.kind() == CartcomException.Kind.NOT_FOUND) {
                return java.util.Optional.empty();
            }
            throw e;
        }
        String updatedRaw = order.path("updated_at").asText("");
        Instant updatedAt = CartcomDates.parse(updatedRaw, storeZone).orElse(null);
        return java.util.Optional.of(new ListedOrder(orderId, null, updatedAt == null, updatedRaw, updatedAt, order));
    }

    private static CartcomException malformed(String what) {
        return new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200, "unexpected response: " + what, null, null);
    }

    /**
     * select_many again for the ids the last answer did not hold, as long as each answer brings some: a store may
     * answer one page of the ids asked, or leave some out. An id still missing after that makes its order held (see
     * {@link FetchedOrder#missing}); a store that gives everything at once costs one call, as before.
     */
    private Map<Long, ObjectNode> selectAll(Function<Collection<Long>, List<ObjectNode>> fetch, Set<Long> ids, String what) {
        Map<Long, ObjectNode> found = new HashMap<>();
        Set<Long> missing = new LinkedHashSet<>(ids);
        for (int round = 0; round < SELECT_MANY_ROUNDS && !missing.isEmpty(); round++) {
            List<Long> asking = List.copyOf(missing);
            Map<Long, ObjectNode> answered = byId(selectMany(() -> fetch.apply(asking), what));
            answered.keySet().retainAll(missing);
            if (answered.isEmpty()) {
                break;
            }
            found.putAll(answered);
            missing.removeAll(answered.keySet());
        }
        return found;
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
     * One Cart.com call, retried in place only when the wait is short, so a worker never sleeps long for one store:
     * a Retry-After over call-retry-max-wait ends the poll and the store is rescheduled ({@link ShortWait}). Up to
     * {@code poller.call-retries} retries (application.properties), 0.5 s doubling with the kit's jitter, never
     * sooner than Retry-After: the default 2 wait at most 1.2 s each, under the 2 s of call-retry-max-wait.
     * Timeouts are not retried here: each already held the worker for the whole request timeout.
     */
    @Retry(maxRetries = 2, delay = 500, jitter = 0)
    @CustomBackoff(RetryAfterBackoff.class)
    @RetryWhen(exception = ShortWait.class)
    <T> T call(Supplier<T> call) {
        return call.get();
    }

    /** A failure worth a retry in place: retryable, not a timeout, and no Retry-After beyond call-retry-max-wait. */
    public static final class ShortWait implements Predicate<Throwable> {
        private final Duration maxWait = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(PollerConfig.class).callRetryMaxWait();

        @Override
        public boolean test(Throwable failure) {
            return failure instanceof CartcomException e && e.retryable() && e.kind() != CartcomException.Kind.TIMEOUT
                    && e.retryAfter().map(wait -> wait.compareTo(maxWait) <= 0).orElse(true);
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
