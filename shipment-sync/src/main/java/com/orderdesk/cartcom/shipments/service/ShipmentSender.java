package com.orderdesk.cartcom.shipments.service;

import com.orderdesk.cartcom.kit.budget.CallKind;
import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.cartcom.StoreApis;
import com.orderdesk.cartcom.kit.retry.Backoff;
import com.orderdesk.cartcom.model.cartcom.ShipmentRequest;
import com.orderdesk.cartcom.model.crypto.TokenDecryptionException;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.shipments.config.ShipmentSyncConfig;
import com.orderdesk.cartcom.shipments.repository.ClaimedShipment;
import com.orderdesk.cartcom.shipments.repository.ImportedOrder;
import com.orderdesk.cartcom.shipments.repository.ImportedOrderRepository;
import com.orderdesk.cartcom.shipments.repository.StoreSnapshotRepository;
import com.orderdesk.cartcom.shipments.repository.StoreSnapshotRepository.Deleted;
import com.orderdesk.cartcom.shipments.repository.StoreSnapshotRepository.Known;
import com.orderdesk.cartcom.shipments.repository.StoreSnapshotRepository.StoreView;
import com.orderdesk.cartcom.shipments.repository.StoreSnapshotRepository.Unknown;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at one claimed shipment: decide whether it is sent at all, post it to Cart.com (an upsert on its
 * deterministic shipment name), apply "After Shipment, Set Status", then record the outcome in a separate step.
 * No database transaction is open during the Cart.com calls.
 */
@ApplicationScoped
public class ShipmentSender {
    private final ImportedOrderRepository orders;
    private final StoreSnapshotRepository stores;
    private final StoreApis storeApis;
    private final ShipmentOutcomes outcomes;
    private final ShipmentSyncConfig config;
    private final Backoff backoff;
    private final AfterShipmentStatus afterShipmentStatus;
    private final StoreShippingProviders providers;
    private final ShipmentRequestMapper mapper = new ShipmentRequestMapper(Clock.systemUTC());

    ShipmentSender(ImportedOrderRepository orders, StoreSnapshotRepository stores, StoreApis storeApis,
                   ShipmentOutcomes outcomes, ShipmentSyncConfig config, AfterShipmentStatus afterShipmentStatus,
                   StoreShippingProviders providers) {
        this.orders = orders;
        this.stores = stores;
        this.storeApis = storeApis;
        this.outcomes = outcomes;
        this.config = config;
        this.backoff = new Backoff(config.backoff().initial(), config.backoff().max());
        this.afterShipmentStatus = afterShipmentStatus;
        this.providers = providers;
    }

    /**
     * One attempt; returns when the store's call budget has a slot again if it had none for this shipment (the
     * shipment is back to pending until then, not counted as an attempt), else empty.
     */
    public Optional<Instant> sync(ClaimedShipment claimed) {
        ShipmentCreated shipment = EventCodec.read(claimed.payload(), ShipmentCreated.class);
        Optional<ImportedOrder> found = orders.find(claimed.orderId());
        if (found.isEmpty()) {
            // Only rows whose order is known become pending; this is a defect, not a wait: say so loudly.
            outcomes.failed(claimed, null, "order " + claimed.orderId() + " is not known to come from Cart.com");
            return Optional.empty();
        }
        ImportedOrder order = found.get();
        if (order.storeId() != claimed.storeId()) {
            outcomes.failed(claimed, order.cartOrderId(), "order " + order.orderId() + " belongs to store "
                    + order.storeId() + ", not to the shipment's store");
            return Optional.empty();
        }
        StoreView view = stores.view(claimed.storeId());
        if (view instanceof Unknown) {
            // The snapshot topic can lag behind at start-up; the store's settings decide, so wait for them.
            retryOrFail(claimed, order, "the store's Cart.com settings have not arrived yet", Optional.empty());
            return Optional.empty();
        }
        if (view instanceof Deleted) {
            outcomes.skipped(claimed, order.cartOrderId(), "the store was deleted");
            return Optional.empty();
        }
        StoreIntegrationChanged store = ((Known) view).snapshot();
        Optional<String> notSyncing = whyNotSyncing(store);
        if (notSyncing.isPresent()) {
            outcomes.skipped(claimed, order.cartOrderId(), notSyncing.get());
            return Optional.empty();
        }
        return send(claimed, shipment, order, store);
    }

    private Optional<Instant> send(ClaimedShipment claimed, ShipmentCreated shipment, ImportedOrder order,
                      StoreIntegrationChanged store) {
        CartcomStoreApi api;
        try {
            // What the merchant's customers see; a store without a slot now is left for the next shipment in line.
            api = storeApis.openRefusingWhenSpent(store, CallKind.CUSTOMER_VISIBLE);
        } catch (TokenDecryptionException e) {
            outcomes.failed(claimed, order.cartOrderId(), "the store's access token cannot be opened ("
                    + e.getMessage() + "); reconnect the store");
            return Optional.empty();
        }
        ShipmentRequest request;
        try {
            request = mapper.map(shipment, order, providerName(shipment.carrierCode(), store, api), CartcomDates.zoneOf(store));
        } catch (ShipmentRequestMapper.UnmappableShipmentException e) {
            outcomes.failed(claimed, order.cartOrderId(), e.getMessage());
            return Optional.empty();
        }
        try {
            api.upsertShipment(request);
        } catch (CartcomException e) {
            return onCartcomFailure(claimed, order, "posting the shipment", e);
        }
        String statusNote = "";
        Optional<Long> status = afterShipmentStatus.toSetAfter(shipment, order, store);
        if (status.isPresent()) {
            try {
                api.setOrderStatus(order.cartOrderId(), status.get());
                statusNote = "; status set to " + status.get();
            } catch (CartcomException e) {
                // The shipment is at Cart.com; a retry repeats the upsert (same name, no duplicate) and the status.
                return onCartcomFailure(claimed, order, "setting status " + status.get()
                        + " after the shipment was posted", e);
            }
        } else if (store.afterShipmentStatusId() != null) {
            statusNote = "; status left until every item has shipped";
        }
        outcomes.sent(claimed, order.cartOrderId(), "Shipment " + shipment.shipmentId() + " (" + shipment.carrierCode()
                + " " + shipment.trackingNumber() + ") sent to Cart.com order " + order.cartOrderId()
                + " as " + request.shipmentName() + statusNote);
        return Optional.empty();
    }

    /** The store's list is read only for a carrier the table knows: for any other it could not change the name. */
    private String providerName(String carrierCode, StoreIntegrationChanged store, CartcomStoreApi api) {
        return CarrierNames.known(carrierCode)
                ? CarrierNames.providerName(carrierCode, providers.of(store, api))
                : CarrierNames.providerName(carrierCode);
    }

    private Optional<Instant> onCartcomFailure(ClaimedShipment claimed, ImportedOrder order, String step,
                                               CartcomException e) {
        String reason = step + ": " + e.getMessage();
        if (e.budgetSpent()) {
            // Nothing was asked of Cart.com: not an attempt, and back as soon as the store has a slot.
            Instant slotAt = Instant.now().plus(e.retryAfter().orElseThrow());
            outcomes.retryWithoutAttempt(claimed, slotAt, reason);
            return Optional.of(slotAt);
        }
        if (e.retryable()) {
            retryOrFail(claimed, order, reason, e.retryAfter());
        } else {
            outcomes.failed(claimed, order.cartOrderId(), reason);
        }
        return Optional.empty();
    }

    private void retryOrFail(ClaimedShipment claimed, ImportedOrder order, String reason, Optional<Duration> retryAfter) {
        if (claimed.attempts() >= config.maxAttempts()) {
            outcomes.failed(claimed, order.cartOrderId(), "gave up after " + claimed.attempts() + " attempts; last: "
                    + reason);
        } else {
            outcomes.retryAt(claimed, Instant.now().plus(backoff.after(claimed.attempts(), retryAfter)),
                    reason);
        }
    }

    private static Optional<String> whyNotSyncing(StoreIntegrationChanged store) {
        if (!store.connected()) {
            return Optional.of("the store is not connected to Cart.com");
        }
        if (!store.active()) {
            return Optional.of("the Cart.com integration is disabled");
        }
        if (!store.syncTrackingNumbers()) {
            return Optional.of("Sync Tracking Numbers is off");
        }
        return Optional.empty();
    }
}
