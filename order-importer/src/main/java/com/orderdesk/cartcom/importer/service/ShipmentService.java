package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.importer.rest.ShipmentInput;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.kit.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Records a shipment on an imported order and announces it (ShipmentCreated, through the outbox in the same
 * transaction); shipment-sync takes it from there to Cart.com.
 */
@ApplicationScoped
public class ShipmentService {
    private final Outbox outbox;

    ShipmentService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Returns the new shipment, or null when the order is not in the store. The input is valid: its constraints and
     * {@link ShipmentRules} were checked (the items are items of the order, in at most their ordered quantities).
     */
    @Transactional
    public OrderShipment record(long storeId, long orderId, ShipmentInput input, String idempotencyKey) {
        ImportedOrder order = ImportedOrder.findInStore(storeId, orderId);
        if (order == null) {
            return null;
        }
        String digest = idempotencyKey == null ? null : digest(orderId, input);
        if (idempotencyKey != null) {
            OrderShipment first = firstWithKey(storeId, idempotencyKey);
            if (first != null) {
                if (!first.requestDigest.equals(digest)) {
                    throw new ApiException(409, "idempotency_key_reused",
                            "This Idempotency-Key came with another request; use a new key for a new shipment");
                }
                return first;
            }
        }
        Instant shipped = input.dateShipped() == null ? null
                : CartcomDates.instantOrNull(input.dateShipped(), ZoneOffset.UTC);
        List<ShipmentCreated.Item> items = input.items() == null ? List.of() : input.items().stream()
                .map(item -> new ShipmentCreated.Item(item.orderItemId(), item.quantity())).toList();
        OrderShipment shipment = new OrderShipment();
        shipment.orderId = orderId;
        shipment.storeId = storeId;
        shipment.trackingNumber = input.trackingNumber();
        shipment.carrierCode = input.carrierCode();
        shipment.shipmentMethod = input.shipmentMethod();
        shipment.trackingUrl = input.trackingUrl();
        shipment.dateShipped = shipped;
        shipment.items = JsonColumns.write(items.stream()
                .map(i -> Map.of("order_item_id", i.orderItemId(), "quantity", i.quantity())).toList());
        shipment.idempotencyKey = idempotencyKey;
        shipment.requestDigest = digest;
        shipment.persist();
        order.dateUpdated = Instant.now();
        PendingStatusUpdate.checkFirstForOrder(orderId);

        outbox.add(Topics.SHIPMENTS_CREATED, ShipmentCreated.of(storeId, shipment.id, orderId, input.trackingNumber(),
                input.carrierCode(), input.shipmentMethod(), input.trackingUrl(), shipped, items));
        return shipment;
    }

    /**
     * The shipment first recorded with the key, or null. Repeats of one key wait for each other here (a lock on the
     * store and key for the rest of the transaction), so two at once record one shipment and answer it twice.
     */
    private static OrderShipment firstWithKey(long storeId, String key) {
        OrderShipment.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, ?2))) locked")
                .setParameter(1, key).setParameter(2, storeId).getSingleResult();
        return OrderShipment.byIdempotencyKey(storeId, key);
    }

    /** The request as the service read it (order and trimmed body), so a repeat matches however it was spaced. */
    private static String digest(long orderId, ShipmentInput input) {
        try {
            byte[] request = (orderId + "\n" + JsonColumns.write(input)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
