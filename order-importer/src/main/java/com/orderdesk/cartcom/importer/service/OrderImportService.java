package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.entity.OrderItem;
import com.orderdesk.cartcom.importer.entity.PendingStatusUpdate;
import com.orderdesk.cartcom.importer.mapping.CartOrderMapper;
import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.model.outbox.Outbox;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Imports one fetched Cart.com order exactly once. In one transaction: the order and its items, the pending
 * "After Import, Set Status" update, and the OrderImported and activity events (outbox). The unique key
 * (store, Cart.com order) guards against a concurrent import of the same order: the loser's transaction fails
 * and its retry finds the order and imports nothing.
 */
@ApplicationScoped
public class OrderImportService {
    private static final Logger LOG = Logger.getLogger(OrderImportService.class);

    public enum Outcome {
        IMPORTED, ALREADY_IMPORTED
    }

    @Inject
    StoreSnapshots snapshots;
    @Inject
    Outbox outbox;

    private final CartOrderMapper mapper = new CartOrderMapper();

    @Transactional
    public Outcome importOrder(CartOrderFetched event) {
        StoreIntegrationChanged store = snapshots.find(event.storeId())
                .orElseThrow(() -> new MalformedEventException("unknown store " + event.storeId()));
        if (!store.active()) {
            throw new MalformedEventException("store " + event.storeId() + " is not active (disconnected or disabled)");
        }
        ImportedOrder existing = ImportedOrder.findByCartOrder(event.storeId(), event.cartOrderId());
        if (existing != null) {
            LOG.debugf("Cart.com order %d of store %d is already imported", event.cartOrderId(), event.storeId());
            reportSkipped(event, existing);
            return Outcome.ALREADY_IMPORTED;
        }
        MappedOrder mapped = mapper.map(event, store);
        ImportedOrder order = persistOrder(event, mapped);
        List<OrderImported.Item> importedItems = persistItems(order.id, mapped.items());

        if (store.afterImportStatusId() != null) {
            PendingStatusUpdate update = new PendingStatusUpdate();
            update.storeId = event.storeId();
            update.orderId = order.id;
            update.cartOrderId = event.cartOrderId();
            update.statusId = store.afterImportStatusId();
            update.nextAttemptAt = Instant.now();
            update.persist();
        }

        outbox.add(Topics.ORDERS_IMPORTED, OrderImported.of(event.storeId(), order.id, order.sourceId,
                event.cartOrderId(), order.folderId, importedItems));
        outbox.add(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(event.storeId(), ActivityKinds.ORDER_IMPORTED,
                        ActivityRecorded.Level.info,
                        "Imported Cart.com order " + event.cartOrderId() + " as " + order.sourceId)
                .withCartOrderId(event.cartOrderId()).withOrderId(order.id).withImportId(event.importId()));
        LOG.infof("Imported Cart.com order %d of store %d as order %d (%s)", event.cartOrderId(), event.storeId(),
                order.id, order.sourceId);
        return Outcome.IMPORTED;
    }

    /**
     * A manual import counts every order it asked for: an order already here is "skipped" for that import. A
     * redelivery or poll overlap (no importId) is routine and reported to no one.
     */
    private void reportSkipped(CartOrderFetched event, ImportedOrder existing) {
        if (event.importId() == null) {
            return;
        }
        outbox.add(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(event.storeId(), ActivityKinds.ORDER_SKIPPED,
                        ActivityRecorded.Level.info,
                        "Cart.com order " + event.cartOrderId() + " is already imported as " + existing.sourceId)
                .withCartOrderId(event.cartOrderId()).withOrderId(existing.id).withImportId(event.importId()));
    }

    private static ImportedOrder persistOrder(CartOrderFetched event, MappedOrder mapped) {
        ImportedOrder order = new ImportedOrder();
        order.storeId = event.storeId();
        order.cartOrderId = mapped.cartOrderId();
        order.sourceId = mapped.sourceId();
        order.sourceName = mapped.sourceName();
        order.folderId = mapped.folderId();
        order.email = mapped.email();
        order.shippingMethod = mapped.shippingMethod();
        order.quantityTotal = mapped.quantityTotal();
        order.weightTotal = mapped.weightTotal();
        order.productTotal = mapped.productTotal();
        order.shippingTotal = mapped.shippingTotal();
        order.handlingTotal = mapped.handlingTotal();
        order.taxTotal = mapped.taxTotal();
        order.discountTotal = mapped.discountTotal();
        order.orderTotal = mapped.orderTotal();
        order.paymentType = mapped.paymentType();
        order.paymentStatus = mapped.paymentStatus();
        order.dateAdded = mapped.dateAdded();
        order.dateUpdated = Instant.now();
        order.shipping = JsonColumns.write(mapped.shipping());
        order.customer = JsonColumns.write(mapped.customer());
        order.orderNotes = JsonColumns.write(mapped.orderNotes());
        order.checkoutData = JsonColumns.write(mapped.checkoutData());
        order.orderMetadata = JsonColumns.write(mapped.orderMetadata());
        order.importId = event.importId();
        order.persist();
        return order;
    }

    private static List<OrderImported.Item> persistItems(long orderId, List<MappedOrder.Item> items) {
        List<OrderImported.Item> imported = new ArrayList<>(items.size());
        int position = 0;
        for (MappedOrder.Item mapped : items) {
            OrderItem item = new OrderItem();
            item.orderId = orderId;
            item.position = position++;
            item.cartItemId = mapped.cartItemId();
            item.name = mapped.name();
            item.code = mapped.code();
            item.price = mapped.price();
            item.quantity = mapped.quantity();
            item.weight = mapped.weight();
            item.variationList = JsonColumns.write(mapped.variationList());
            item.metadata = JsonColumns.write(mapped.metadata());
            item.persist();
            imported.add(new OrderImported.Item(item.id, item.cartItemId, item.code, item.quantity));
        }
        return imported;
    }
}
