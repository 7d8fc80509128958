package com.orderdesk.cartcom.sandbox.webhook;

import com.orderdesk.cartcom.sandbox.api.OrderView;
import com.orderdesk.cartcom.sandbox.api.ResourceJson;
import com.orderdesk.cartcom.sandbox.store.BoundedLog;
import com.orderdesk.cartcom.sandbox.store.OrderEvents;
import com.orderdesk.cartcom.sandbox.store.StoreData;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One store's webhooks at work: turns its order events into deliveries for the matching subscriptions, applies
 * the store's webhook faults, and keeps the log of the last deliveries. Events arrive under the store's write
 * lock, so bodies are rendered from a consistent order, and deliveries of one store are decided in event order.
 */
public final class StoreWebhooks implements OrderEvents {

    static final int LOG_LIMIT = 1000;

    private final Supplier<ZoneId> zone;
    private final WebhookSender sender;
    private final WebhookFaults faults = new WebhookFaults();
    private final BoundedLog<DeliveryRecord> log = new BoundedLog<>(LOG_LIMIT);
    private final AtomicReference<List<Delivery>> held = new AtomicReference<>();
    private volatile boolean closed;

    public StoreWebhooks(Supplier<ZoneId> zone, WebhookSender sender) {
        this.zone = zone;
        this.sender = sender;
    }

    @Override
    public void placed(StoreData data, StoredOrder order) {
        Map<String, Object> status = data.statuses.get(((Number) order.fields.get("order_status_id")).longValue());
        boolean valid = status == null
                || !(Boolean.TRUE.equals(status.get("is_cancelled")) || Boolean.TRUE.equals(status.get("is_declined")));
        List<Map<String, Object>> subscriptions = matching(data, WebhookEventTypes.NEW_ORDER,
                valid ? WebhookEventTypes.NEW_VALID_ORDER : null);
        if (!subscriptions.isEmpty()) {
            deliver(subscriptions, order.id(), sender.json(orderBody(data, order)));
        }
    }

    @Override
    public void statusChanged(StoreData data, StoredOrder order, long oldStatusId, long newStatusId) {
        List<Map<String, Object>> subscriptions = matching(data, WebhookEventTypes.ORDER_STATUS_CHANGED, null);
        if (!subscriptions.isEmpty()) {
            Map<String, Object> body = orderBody(data, order);
            body.put("old_status", status(data, oldStatusId));
            body.put("new_status", status(data, newStatusId));
            deliver(subscriptions, order.id(), sender.json(body));
        }
    }

    public WebhookFaults faults() {
        return faults;
    }

    public BoundedLog<DeliveryRecord> log() {
        return log;
    }

    /** The store is gone (reset): nothing queued or held for it is sent any more. */
    public void close() {
        closed = true;
        held.set(null);
    }

    boolean closed() {
        return closed;
    }

    private void deliver(List<Map<String, Object>> subscriptions, long orderId, String body) {
        for (Map<String, Object> subscription : subscriptions) {
            String fallback = WebhookSubscriptions.FALLBACK.equals(subscription.get("failure_type"))
                    ? (String) subscription.get("fallback_url") : null;
            dispatch(new Delivery((String) subscription.get("event_type"), (String) subscription.get("url"), fallback,
                    orderId, body, null));
        }
    }

    private void dispatch(Delivery delivery) {
        WebhookFaults.Draw draw = faults.draw();
        if (draw.dropped()) {
            log.record(DeliveryRecord.unsent(sender.now(), delivery, "dropped"));
            return;
        }
        List<Delivery> sequence = new ArrayList<>();
        sequence.add(draw.delayMs() > 0 ? delivery.withFault("delayed") : delivery);
        if (draw.duplicated()) {
            sequence.add(delivery.withFault("duplicated"));
        }
        if (draw.reorder()) {
            List<Delivery> previous = held.getAndSet(null);
            if (previous == null) {
                hold(sequence, draw.delayMs());
                return;
            }
            previous.forEach(d -> sequence.add(d.withFault("reordered")));
        }
        sender.submit(this, sequence, draw.delayMs());
    }

    /** Waits for the store's next delivery; if none comes within the hold time, it is sent anyway. */
    private void hold(List<Delivery> sequence, long delayMs) {
        held.set(sequence);
        sender.later(sender.reorderHoldMs(), () -> {
            if (held.compareAndSet(sequence, null)) {
                sender.submit(this, sequence.stream().map(d -> d.withFault("reordered")).toList(), delayMs);
            }
        });
    }

    private static List<Map<String, Object>> matching(StoreData data, String eventType, String alsoEventType) {
        return data.webhooks.values().stream()
                .filter(s -> s.get("event_type").equals(eventType) || s.get("event_type").equals(alsoEventType))
                .toList();
    }

    /** {"order": ...}: the order as GET /orders/{id} shows it, without expansions. */
    private Map<String, Object> orderBody(StoreData data, StoredOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", ResourceJson.render(OrderView.raw(data, order, Set.of()), zone.get()));
        return body;
    }

    private Map<String, Object> status(StoreData data, long id) {
        Map<String, Object> status = data.statuses.get(id);
        return status == null ? null : ResourceJson.render(status, zone.get());
    }
}
