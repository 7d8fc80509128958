package com.orderdesk.cartcom.kit.cartcom.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.ListPage;
import com.orderdesk.cartcom.kit.cartcom.RetryAfter;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.model.cartcom.ShipmentRequest;
import com.orderdesk.cartcom.model.json.Json;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;

/** The prototype of CartcomStoreApi on the Quarkus REST client: the same public calls and failure kinds. */
public final class RestCartcomStoreApi {
    private static final ObjectMapper MAPPER = Json.mapper();

    private final URI base;
    private final String token;
    private final CartcomRest rest;
    private final Duration timeout;
    private final Clock clock;

    RestCartcomStoreApi(URI base, String token, CartcomRest rest, Duration timeout, Clock clock) {
        this.base = base;
        this.token = token;
        this.rest = rest;
        this.timeout = timeout;
        this.clock = clock;
    }

    public List<OrderStatus> orderStatuses() {
        List<OrderStatus> statuses = new ArrayList<>();
        ListPage page = readPage(() -> rest.orderStatuses(token), "order_statuses", false);
        while (true) {
            for (ObjectNode node : page.items()) {
                statuses.add(MAPPER.convertValue(node, OrderStatus.class));
            }
            if (page.nextPage() == null) {
                return statuses;
            }
            page = page(page.nextPage(), "order_statuses");
        }
    }

    public ListPage listOrders(Map<String, String> query) {
        return readPage(() -> rest.orders(token, query), "orders", false);
    }

    /** A later page by its absolute URL, which must lie below the store's own base (the token goes nowhere else). */
    public ListPage page(String absoluteUrl, String listKey) {
        URI uri = URI.create(absoluteUrl);
        String prefix = base.getRawPath() + "/";
        if (!base.getScheme().equals(uri.getScheme()) || !base.getRawAuthority().equals(uri.getRawAuthority())
                || uri.getRawPath() == null || !uri.getRawPath().startsWith(prefix)) {
            throw new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200,
                    "unexpected response: next page outside the store's API", null, null);
        }
        String path = uri.getRawPath().substring(prefix.length());
        Map<String, String> query = decodeQuery(uri.getRawQuery());
        return readPage(() -> rest.page(token, path, query), listKey, query.containsKey("page"));
    }

    public ObjectNode order(long orderId, String expand) {
        return asObject(call(() -> rest.order(token, orderId, expand == null || expand.isBlank() ? null : expand)));
    }

    public List<ObjectNode> orderAddresses(Collection<Long> ids) {
        return selectMany("order_addresses", "addresses", ids);
    }

    public List<ObjectNode> customers(Collection<Long> ids) {
        return selectMany("customers", "customers", ids);
    }

    public ObjectNode setOrderStatus(long orderId, long statusId) {
        ObjectNode body = MAPPER.createObjectNode().put("order_status_id", statusId);
        return asObject(call(() -> rest.setOrderStatus(token, orderId, body)));
    }

    public ObjectNode upsertShipment(ShipmentRequest shipment) {
        JsonNode body = MAPPER.valueToTree(shipment);
        return asObject(call(() -> rest.upsertShipment(token, body)));
    }

    private List<ObjectNode> selectMany(String resource, String listKey, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String joined = ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
        List<ObjectNode> found = new ArrayList<>();
        ListPage page = readPage(() -> rest.selectMany(token, resource, joined, Math.max(ids.size(), 1)), listKey, false);
        while (true) {
            found.addAll(page.items());
            if (page.nextPage() == null) {
                return found;
            }
            page = page(page.nextPage(), listKey);
        }
    }

    private ListPage readPage(Supplier<Uni<RestResponse<JsonNode>>> request, String listKey, boolean paged) {
        JsonNode body;
        try {
            body = call(request);
        } catch (CartcomException e) {
            if (e.kind() == CartcomException.Kind.NOT_FOUND && paged) {
                return ListPage.EMPTY; // Cart.com answers a page past the end with 404.
            }
            throw e;
        }
        if (body == null || !body.isObject() || !body.path(listKey).isArray()) {
            throw malformed("list without '" + listKey + "'", null);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : body.get(listKey)) {
            if (!item.isObject()) {
                throw malformed("list entry is not an object", null);
            }
            items.add((ObjectNode) item);
        }
        return new ListPage(body.path("total_count").asLong(items.size()), text(body, "next_page"),
                text(body, "previous_page"), items);
    }

    /** One call, answer body included, within the timeout (the Uni's timeout cancels the request). */
    private JsonNode call(Supplier<Uni<RestResponse<JsonNode>>> request) {
        RestResponse<JsonNode> response;
        try {
            response = request.get().ifNoItem().after(timeout)
                    .failWith(() -> new TimeoutException("no complete answer within " + timeout))
                    .await().indefinitely();
        } catch (RuntimeException e) {
            throw classify(e);
        }
        int status = response.getStatus();
        if (status < 200 || status >= 300) {
            Duration retryAfter = Optional.ofNullable(response.getHeaderString(RetryAfter.HEADER))
                    .flatMap(value -> RetryAfter.parse(value, clock)).orElse(null);
            throw new CartcomException(CartcomException.kindOf(status), status,
                    "answered " + status + errorDetail(response), retryAfter, null);
        }
        return response.getEntity();
    }

    private CartcomException classify(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")
                    && !(t instanceof ConnectException)) {
                return new CartcomException(CartcomException.Kind.TIMEOUT, 0,
                        "no answer from " + base.getHost() + " within " + timeout, null, e);
            }
            if (t instanceof ConnectException) {
                return new CartcomException(CartcomException.Kind.UNREACHABLE, 0, "cannot connect to " + base.getHost(), null, e);
            }
            if (t instanceof JsonProcessingException) {
                return malformed("body is not JSON", e);
            }
        }
        if (e instanceof ProcessingException || e.getCause() instanceof IOException) {
            return new CartcomException(CartcomException.Kind.UNREACHABLE, 0,
                    "cannot reach " + base.getHost() + ": " + e.getClass().getSimpleName(), null, e);
        }
        throw e;
    }

    /**
     * The client leaves an error answer's entity unread: despite the declared JsonNode it is the raw stream, and
     * readEntity cannot map it. So it is read here, as the JDK client reads its error bodies.
     */
    private static String errorDetail(RestResponse<JsonNode> response) {
        Object raw = ((RestResponse<?>) response).getEntity();
        try {
            JsonNode error = raw instanceof java.io.InputStream in ? MAPPER.readTree(in) : MAPPER.valueToTree(raw);
            StringJoiner joiner = new StringJoiner(": ", " (", ")").setEmptyValue("");
            String message = text(error, "message");
            String details = text(error, "details");
            if (message != null && !message.isBlank()) {
                joiner.add(message);
            }
            if (details != null && !details.isBlank()) {
                joiner.add(details);
            }
            return joiner.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static ObjectNode asObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw malformed("expected a JSON object", null);
        }
        return (ObjectNode) node;
    }

    private static CartcomException malformed(String what, Throwable cause) {
        return new CartcomException(CartcomException.Kind.MALFORMED_RESPONSE, 200, "unexpected response: " + what, null, cause);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
