package com.orderdesk.cartcom.kit.cartcom;

import com.orderdesk.cartcom.kit.budget.Answer;
import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.budget.Slot;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.model.cartcom.ShipmentRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** The calls the integration makes on one store, with one access token. Thread-safe. */
public final class CartcomStoreApi {
    public static final String AUTH_HEADER = "X-AC-Auth-Token";
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_ERROR_DETAIL = 300;
    /** A list key as the official API description spells it where live stores answer another (field notes). */
    private static final Map<String, String> ALSO_NAMED = Map.of("addresses", "order_addresses");

    private final CartcomEndpoints endpoints;
    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final CartcomLimits limits;
    /** The store's domain, checked before every call when public addresses only are allowed; null otherwise. */
    private final String checkedDomain;
    private final HostResolver dns;
    private final String userAgent;
    private final String domain;
    /** The store's budget is counted by its domain, as Cart.com counts its calls. */
    private final String budgetKey;
    private final Budgeted budgeted;

    /** The budget a call spends (the store's, by its domain), for what, and how long it may wait for its slot. */
    private record Budgeted(CallBudget budget, CallKind kind, Duration waitInPlace) {
        static final Budgeted NONE = new Budgeted(CallBudget.UNLIMITED, CallKind.POLLING, Duration.ZERO);
    }

    CartcomStoreApi(CartcomEndpoints endpoints, String domain, String token, HttpClient http, Duration timeout, Clock clock,
                    CartcomLimits limits, HostResolver dns, String userAgent) {
        this(endpoints, domain, token, http, timeout, clock, limits, dns, userAgent, Budgeted.NONE);
    }

    private CartcomStoreApi(CartcomEndpoints endpoints, String domain, String token, HttpClient http, Duration timeout,
                            Clock clock, CartcomLimits limits, HostResolver dns, String userAgent, Budgeted budgeted) {
        this.domain = domain;
        this.budgetKey = domain.toLowerCase(Locale.ROOT);
        this.budgeted = budgeted;
        this.endpoints = endpoints;
        this.userAgent = userAgent;
        this.base = endpoints.baseUri(domain);
        this.token = token;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
        this.limits = limits;
        this.checkedDomain = endpoints.publicAddressesOnly() ? domain : null;
        this.dns = dns;
    }

    /**
     * The same store and token, each call first taking a slot of {@code kind} from the store's shared budget. A call
     * whose slot comes within {@code waitInPlace} waits for it; a later one fails at once with
     * {@link CartcomException#budgetSpent}, so a worker can turn to another store meanwhile.
     */
    public CartcomStoreApi budgeted(CallBudget budget, CallKind kind, Duration waitInPlace) {
        return new CartcomStoreApi(endpoints, domain, token, http, timeout, clock, limits, dns, userAgent,
                new Budgeted(budget, kind, waitInPlace));
    }

    /** The store's statuses; also the live check of a domain and token. */
    public List<OrderStatus> orderStatuses() {
        List<OrderStatus> statuses = new ArrayList<>();
        for (ObjectNode node : readList(base + "/order_statuses?count=100", "order_statuses")) {
            statuses.add(MAPPER.convertValue(node, OrderStatus.class));
        }
        return statuses;
    }

    /**
     * Whether the token may read a resource, by its cheapest call: the first row of its list ({@code count=1}). A
     * refusal is a {@link CartcomException} of kind CREDENTIALS_REJECTED like any other; an empty list is fine.
     */
    public void readFirstRow(String resource, String listKey) {
        readPage(base + "/" + resource + "?count=1", listKey);
    }

    /** The store's shipping providers ({@code id, name, provider_code, is_enabled, ...}), every page. */
    public List<ObjectNode> shippingProviders() {
        return readList(base + "/shipping_providers?count=100", "shipping_providers");
    }

    /**
     * The first page of orders matching {@code query} (field conditions in Cart.com's query syntax, plus
     * sort, count, expand). Fresh data: GETs are cached by Cart.com unless told not to.
     */
    public ListPage listOrders(Map<String, String> query) {
        return readPage(base + "/orders?" + encode(query), "orders");
    }

    /** A later page, by the absolute {@code next_page} URL Cart.com returned. A page past the end is empty. */
    public ListPage page(String absoluteUrl, String listKey) {
        return readPage(onThisStore(absoluteUrl), listKey);
    }

    public ObjectNode order(long orderId, String expand) {
        String query = expand == null || expand.isBlank() ? "" : "?expand=" + URLEncoder.encode(expand, StandardCharsets.UTF_8);
        return asObject(send(get(URI.create(base + "/orders/" + orderId + query))));
    }

    /** Several order addresses in one call ({@code select_many}). */
    public List<ObjectNode> orderAddresses(Collection<Long> ids) {
        // Live stores name the list "addresses"; acapi.yaml names it "order_addresses": either is read.
        return selectMany("order_addresses", "addresses", ids);
    }

    /** Several customers in one call ({@code select_many}). */
    public List<ObjectNode> customers(Collection<Long> ids) {
        return selectMany("customers", "customers", ids);
    }

    /** Sets an order's status through the route that fires the store's status-changed events. */
    public ObjectNode setOrderStatus(long orderId, long statusId) {
        ObjectNode body = MAPPER.createObjectNode().put("order_status_id", statusId);
        return asObject(send(write("PUT", URI.create(base + "/orders/" + orderId + "/status"), body)));
    }

    /** Adds, or updates by {@code shipment_name}, a shipment on an order. */
    public ObjectNode upsertShipment(ShipmentRequest shipment) {
        return asObject(send(write("POST", URI.create(base + "/order_shipments"), MAPPER.valueToTree(shipment))));
    }

    /** The store's webhook subscriptions, every page ({@code GET /webhooks}). */
    public List<ObjectNode> webhooks() {
        return readList(base + "/webhooks?count=" + DEFAULT_PAGE, "webhooks");
    }

    /** Subscribes {@code url} to {@code eventType}; Cart.com ignores a failed call to it (no retries, no error shown). */
    public ObjectNode subscribeWebhook(String eventType, String url) {
        ObjectNode body = MAPPER.createObjectNode().put("event_type", eventType).put("url", url)
                .put("failure_type", "Ignore").put("cache_length", "NoCache");
        return asObject(send(write("POST", URI.create(base + "/webhooks"), body)));
    }

    /** Removes a webhook subscription; one already gone answers NOT_FOUND. */
    public void deleteWebhook(long webhookId) {
        send(request(URI.create(base + "/webhooks/" + webhookId)).DELETE().build());
    }

    private List<ObjectNode> selectMany(String resource, String listKey, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String joined = ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
        return readList(base + "/" + resource + "/select_many?ids=" + joined + "&count=" + Math.max(ids.size(), 1),
                listKey);
    }

    /** Every page of a list from {@code url} on, at most {@code maxPagesPerList} of them. */
    private List<ObjectNode> readList(String url, String listKey) {
        List<ObjectNode> found = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            if (++pages > limits.maxPagesPerList()) {
                throw malformed(listKey + " go on past " + limits.maxPagesPerList() + " pages", null);
            }
            ListPage page = readPage(url, listKey);
            found.addAll(page.items());
            url = page.nextPage() == null ? null : onThisStore(page.nextPage());
        }
        return found;
    }

    /**
     * Cart.com's next_page URL, only on this store's own API: the same scheme, host and port as the base (or none, a
     * relative link) and a path under the API. Anything else is a malformed answer, so the token never goes to a host
     * or scheme an answer named; the URL is rebuilt from the base, so what is asked is exactly what was checked.
     */
    private String onThisStore(String nextPage) {
        URI next;
        try {
            next = URI.create(nextPage.trim());
        } catch (IllegalArgumentException e) {
            throw malformed("next_page is not a URL", e);
        }
        if ((next.getScheme() != null || next.getRawAuthority() != null) && !sameOrigin(next)) {
            throw malformed("next_page leaves the store's API (" + next.getScheme() + "://" + next.getHost() + ")", null);
        }
        String basePath = base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/";
        if (next.getRawPath() == null || !next.getRawPath().startsWith(basePath) || next.getRawPath().contains("..")) {
            throw malformed("next_page outside the store's API", null);
        }
        return base.getScheme() + "://" + base.getRawAuthority() + next.getRawPath()
                + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    private boolean sameOrigin(URI next) {
        return base.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme()))
                && base.getHost() != null && base.getHost().equalsIgnoreCase(next.getHost())
                && port(base) == port(next) && next.getRawUserInfo() == null;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    private ListPage readPage(String url, String listKey) {
        JsonNode body;
        try {
            body = send(get(URI.create(url)));
        } catch (CartcomException e) {
            if (e.kind() == CartcomException.Kind.NOT_FOUND && url.contains("page=")) {
                // Cart.com answers a page past the end with 404, not with an empty list.
                return ListPage.EMPTY;
            }
            throw e;
        }
        if (body.isObject() && !body.path(listKey).isArray() && body.path(ALSO_NAMED.getOrDefault(listKey, "")).isArray()) {
            listKey = ALSO_NAMED.get(listKey);
        }
        if (!body.isObject() || !body.path(listKey).isArray()) {
            throw malformed("list without '" + listKey + "'", null);
        }
        int asked = rowsAsked(url);
        if (body.get(listKey).size() > asked) {
            throw malformed("a page of " + body.get(listKey).size() + " " + listKey + " where at most " + asked
                    + " were asked for", null);
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

    /** The {@code count} a list URL asks for; Cart.com's default page is 100. */
    private static int rowsAsked(String url) {
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("count=")) {
                    try {
                        return Integer.parseInt(parameter.substring("count=".length()));
                    } catch (NumberFormatException e) {
                        return DEFAULT_PAGE;
                    }
                }
            }
        }
        return DEFAULT_PAGE;
    }

    private HttpRequest get(URI uri) {
        return request(uri).header("Cache-Control", "no-cache").GET().build();
    }

    private HttpRequest write(String method, URI uri, JsonNode body) {
        try {
            return request(uri).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize request", e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .header(AUTH_HEADER, token);
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        Answer answer;
        try {
            if (checkedDomain != null) {
                // Checked at connect time too, but a name can be pointed elsewhere later. With the production template
                // the domain is the host called, and the connection that follows reads the JVM's address cache
                // (networkaddress.cache.ttl, 30 s by default), so it goes to an address this check saw. (A template
                // that routes through an operator's gateway puts the domain in the path: the gateway is trusted, the
                // domain checked all the same.)
                dns.requirePublic(checkedDomain);
            }
            Slot slot = slotFor();
            response = exchange(request);
            answer = new Answer(response.statusCode(),
                    response.headers().firstValue(CallLimit.HEADER).flatMap(CallLimit::parse),
                    response.headers().firstValue(RetryAfter.HEADER).flatMap(value -> RetryAfter.parse(value, clock))
                            .map(limits::capped));
            if (answer.newsAfter(slot)) {
                budgeted.budget().answered(budgetKey, slot, answer);
            }
        } catch (LimitedBody.TooLarge e) {
            throw malformed(e.getMessage(), e);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new CartcomException(CartcomException.Kind.UNREACHABLE, 0,
                    "cannot connect to " + request.uri().getHost(), null, e);
        } catch (HttpTimeoutException e) {
            throw new CartcomException(CartcomException.Kind.TIMEOUT, 0,
                    "no answer from " + request.uri().getHost() + " within " + timeout, null, e);
        } catch (IOException e) {
            throw new CartcomException(CartcomException.Kind.UNREACHABLE, 0,
                    "cannot reach " + request.uri().getHost() + ": " + e.getClass().getSimpleName(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CartcomException(CartcomException.Kind.TIMEOUT, 0, "interrupted", null, e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new CartcomException(CartcomException.kindOf(status), status,
                    request.method() + " " + request.uri().getPath() + " answered " + status + errorDetail(response.body()),
                    answer.retryAfter().orElse(null), null, status >= 300 && status < 400 ? redirectDomain(response) : null);
        }
        if (response.body().isEmpty() && status == 204) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw malformed("body is not JSON", e);
        }
    }

    /**
     * A slot from the store's budget, waiting for it here when it comes within the handle's wait; otherwise refused
     * without a call. (A slot taken and then not used, the call failing to leave, is spent: the budget errs on the
     * side of fewer calls.)
     */
    private Slot slotFor() throws InterruptedException {
        while (true) {
            Slot slot = budgeted.budget().take(budgetKey, budgeted.kind());
            if (slot.granted()) {
                return slot;
            }
            Duration wait = Duration.between(clock.instant(), slot.retryAt());
            if (wait.compareTo(budgeted.waitInPlace()) > 0) {
                throw CartcomException.budgetSpent(wait);
            }
            if (!wait.isNegative() && !wait.isZero()) {
                Thread.sleep(wait.toMillis() + 1);
            }
        }
    }

    /**
     * The call, answer body included, within the timeout: the JDK's request timeout stops at the response headers,
     * so a store that sends headers and then stalls would otherwise hold the caller's thread for as long as the
     * connection lives. Cancelling the exchange closes its connection.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request,
                LimitedBody.handler(limits.maxResponseBytes()));
        try {
            return pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The store domain a redirect's Location names, if it names one (never followed: only reported). */
    private String redirectDomain(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Location").map(URI::create).flatMap(endpoints::domainIn).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String errorDetail(String body) {
        try {
            JsonNode error = MAPPER.readTree(body);
            String message = text(error, "message");
            String details = text(error, "details");
            StringJoiner joiner = new StringJoiner(": ", " (", ")").setEmptyValue("");
            if (message != null && !message.isBlank()) {
                joiner.add(message);
            }
            if (details != null && !details.isBlank()) {
                joiner.add(details);
            }
            String detail = joiner.toString();
            // The server's words reach the merchant's activity log and the outbox: a bounded share of them.
            return detail.length() > MAX_ERROR_DETAIL ? detail.substring(0, MAX_ERROR_DETAIL) + "...)" : detail;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static ObjectNode asObject(JsonNode node) {
        if (!node.isObject()) {
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

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
