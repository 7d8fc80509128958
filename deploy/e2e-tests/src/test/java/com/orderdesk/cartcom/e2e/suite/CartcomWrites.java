package com.orderdesk.cartcom.e2e.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.cartcom.devstack.SandboxControl;
import com.orderdesk.cartcom.launcher.DemoStore;
import com.orderdesk.cartcom.launcher.Service;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration's writes at Cart.com as the sandbox's call logs recorded them (each write with its request body):
 * status changes (PUT /orders/{id}/status) and shipments (POST /order_shipments), grouped by what they write, so that
 * a write made twice shows even where Cart.com itself would not show it (the sandbox, like Cart.com, merges repeated
 * shipment POSTs by {@code shipment_name}).
 */
final class CartcomWrites {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The log's paths are the store's, from the API root: /api/v1/orders/{id}/status. */
    private static final Pattern STATUS_PATH = Pattern.compile(".*/orders/(\\d+)/status");

    /** One write: which store and order, what it wrote, when, which service writes such a thing, Cart.com's answer. */
    record Write(String store, long orderId, String subject, boolean shipment, Instant at, Service writer, int status,
                 String fault) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return store + " order " + orderId + " " + subject + " at " + at + " answered " + status
                    + (fault == null ? "" : " (" + fault + ")");
        }
    }

    /** A write made again: {@code again} changed nothing that {@code before} had not already changed. */
    record Repeat(Write before, Write again) {
    }

    /** Accepted writes by store, order and what they wrote, oldest first. */
    private final Map<String, List<Write>> bySubject = new LinkedHashMap<>();
    /** Writes Cart.com refused (429, 5xx...): a writer retries after one, and may then write again what it had written. */
    private final List<Write> refused = new ArrayList<>();

    static CartcomWrites read(SandboxControl sandbox, Collection<DemoStore.Setup> stores) {
        CartcomWrites writes = new CartcomWrites();
        for (DemoStore.Setup store : stores) {
            for (JsonNode call : sandbox.calls(store.cart().domain())) {
                writes.add(store, call);
            }
        }
        return writes;
    }

    private void add(DemoStore.Setup store, JsonNode call) {
        String method = call.path("method").asText();
        String path = call.path("path").asText();
        Matcher statusPath = STATUS_PATH.matcher(path);
        boolean statusChange = method.equals("PUT") && statusPath.matches();
        boolean shipment = method.equals("POST") && path.endsWith("/order_shipments");
        if (!statusChange && !shipment) {
            return;
        }
        JsonNode body = body(call);
        Instant at = Instant.parse(call.path("at").asText());
        int status = call.path("status").asInt();
        String fault = call.path("fault").isTextual() ? call.path("fault").asText() : null;
        String domain = store.cart().domain();
        Write write;
        if (statusChange) {
            long statusId = body.path("order_status_id").asLong();
            Service writer = statusId == store.settings().afterShipmentStatusId() ? Service.SHIPMENT_SYNC : Service.IMPORTER;
            write = new Write(domain, Long.parseLong(statusPath.group(1)), "status " + statusId, false, at, writer,
                    status, fault);
        } else {
            write = new Write(domain, body.path("order_id").asLong(), "shipment " + body.path("shipment_name").asText(),
                    true, at, Service.SHIPMENT_SYNC, status, fault);
        }
        if (write.accepted()) {
            bySubject.computeIfAbsent(domain + " " + write.orderId() + " " + write.subject(), k -> new ArrayList<>())
                    .add(write);
        } else {
            refused.add(write);
        }
    }

    /** Whether Cart.com refused a write of the repeat's order between the write and its repeat (the writer retried). */
    boolean refusedBetween(Repeat repeat) {
        Write before = repeat.before();
        return refused.stream().anyMatch(write -> write.store().equals(before.store())
                && write.orderId() == before.orderId() && write.at().isAfter(before.at())
                && write.at().isBefore(repeat.again().at()));
    }

    private static JsonNode body(JsonNode call) {
        JsonNode body = call.path("body");
        if (!body.isTextual()) {
            throw new IllegalStateException("the sandbox logged a write without its body: " + call);
        }
        try {
            return JSON.readTree(body.asText());
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox logged a write body that is not JSON: " + call, e);
        }
    }

    /** Distinct status changes or shipments written. */
    long distinct(boolean shipments) {
        return bySubject.values().stream().filter(w -> w.get(0).shipment() == shipments).count();
    }

    /** Writes made, repeats included. */
    long made(boolean shipments) {
        return bySubject.values().stream().filter(w -> w.get(0).shipment() == shipments).mapToLong(List::size).sum();
    }

    List<Repeat> repeats() {
        List<Repeat> repeats = new ArrayList<>();
        for (List<Write> writes : bySubject.values()) {
            for (int i = 1; i < writes.size(); i++) {
                repeats.add(new Repeat(writes.get(i - 1), writes.get(i)));
            }
        }
        return repeats;
    }

    /** The repeats that {@code explained} does not account for. */
    List<Repeat> unexplained(Predicate<Repeat> explained) {
        return repeats().stream().filter(explained.negate()).toList();
    }

    String summary() {
        return String.format("%d status changes in %d PUTs (%.3f a change), %d shipments in %d POSTs (%.3f a shipment)",
                distinct(false), made(false), ratio(made(false), distinct(false)),
                distinct(true), made(true), ratio(made(true), distinct(true)));
    }

    private static double ratio(long made, long distinct) {
        return distinct == 0 ? 0 : (double) made / distinct;
    }
}
