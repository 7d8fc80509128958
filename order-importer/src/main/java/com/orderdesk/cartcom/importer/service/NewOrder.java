package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A mapped order ready to insert: its ids taken from the tables' sequences, its JSON columns and its two events
 * (OrderImported, activity order_imported) written, so the import transaction only sends rows to the database.
 */
final class NewOrder implements OrderRef {
    final long id;
    final long storeId;
    final UUID importId;
    final Long afterImportStatusId;
    final MappedOrder mapped;
    final long[] itemIds;
    final String shipping;
    final String customer;
    final String orderNotes;
    final String checkoutData;
    final String orderMetadata;
    final List<String> itemVariations;
    final List<String> itemMetadata;
    final List<Outbox.Row> events;

    NewOrder(long id, long[] itemIds, long storeId, UUID importId, Long afterImportStatusId, MappedOrder mapped) {
        this.id = id;
        this.itemIds = itemIds;
        this.storeId = storeId;
        this.importId = importId;
        this.afterImportStatusId = afterImportStatusId;
        this.mapped = mapped;
        this.shipping = JsonColumns.write(mapped.shipping());
        this.customer = JsonColumns.write(mapped.customer());
        this.orderNotes = JsonColumns.write(mapped.orderNotes());
        this.checkoutData = JsonColumns.write(mapped.checkoutData());
        this.orderMetadata = JsonColumns.write(mapped.orderMetadata());
        this.itemVariations = mapped.items().stream().map(i -> JsonColumns.write(i.variationList())).toList();
        this.itemMetadata = mapped.items().stream().map(i -> JsonColumns.write(i.metadata())).toList();
        this.events = List.of(
                Outbox.Row.of(Topics.ORDERS_IMPORTED, OrderImported.of(storeId, id, mapped.sourceId(),
                        mapped.cartOrderId(), mapped.folderId(), importedItems())),
                Outbox.Row.of(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(storeId, ActivityKinds.ORDER_IMPORTED,
                                ActivityRecorded.Level.info,
                                "Imported Cart.com order " + mapped.cartOrderId() + " as " + mapped.sourceId())
                        .withCartOrderId(mapped.cartOrderId()).withOrderId(id).withImportId(importId)));
    }

    @Override
    public long orderId() {
        return id;
    }

    @Override
    public String sourceId() {
        return mapped.sourceId();
    }

    /**
     * The items as OrderImported announces them, with their Order Desk ids: the lines a shipment can carry, so a
     * non-shipping line (gift wrap, a warranty) is never listed in a whole-order shipment at Cart.com.
     */
    private List<OrderImported.Item> importedItems() {
        List<OrderImported.Item> items = new ArrayList<>(mapped.items().size());
        for (int i = 0; i < mapped.items().size(); i++) {
            MappedOrder.Item item = mapped.items().get(i);
            if (!Boolean.TRUE.equals(item.metadata().get("cartcom_non_shipping"))) {
                items.add(new OrderImported.Item(itemIds[i], item.cartItemId(), item.code(), item.quantity()));
            }
        }
        return items;
    }
}
