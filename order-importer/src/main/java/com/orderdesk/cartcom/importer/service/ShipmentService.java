package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderShipment;
import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.importer.rest.ShipmentInput;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.kit.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Records a shipment on an imported order and announces it (ShipmentCreated, through the outbox in the same
 * transaction); shipment-sync takes it from there to Cart.com.
 */
@ApplicationScoped
public class ShipmentService {
    /** A date without a time names a day at the store: noon there stays on that day in any zone within 12 hours. */
    private static final LocalTime TIME_OF_A_BARE_DATE = LocalTime.NOON;

    private final Outbox outbox;
    private final StoreSnapshots snapshots;

    ShipmentService(Outbox outbox, StoreSnapshots snapshots) {
        this.outbox = outbox;
        this.snapshots = snapshots;
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
        Instant shipped = dateShipped(storeId, input.dateShipped());
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

    /**
     * {@code date_shipped} as the merchant means it: a bare date (2024-05-01) is that day at the store, not midnight
     * UTC, which a US store would show as April 30; a date-time without offset is the store's local time; one with
     * an offset is taken as written.
     */
    Instant dateShipped(long storeId, String value) {
        if (value == null) {
            return null;
        }
        ZoneId zone = snapshots.find(storeId).map(CartcomDates::zoneOf).orElse(ZoneOffset.UTC);
        try {
            return LocalDate.parse(value.trim()).atTime(TIME_OF_A_BARE_DATE).atZone(zone).toInstant();
        } catch (DateTimeParseException notABareDate) {
            return CartcomDates.instantOrNull(value, zone);
        }
    }
}
