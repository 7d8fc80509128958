package com.orderdesk.cartcom.shipments.listener;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.kit.consuming.KeyedRecords;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.service.ShipmentIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The importer's two events, consumed alike: which Cart.com order each imported Order Desk order came from, and
 * each new Order Desk shipment, queued for the sync worker. A malformed record goes to the DLQ (channel config); a
 * database outage is waited out however long it lasts ({@link DatabaseOutages}), any other failure is retried a
 * few times first (one retry policy for both, so it is declared on the class). Redeliveries are absorbed by order
 * and shipment id ({@link ShipmentIntake}).
 */
@ApplicationScoped
@Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
public class ImporterEventsListener {
    public static final String ORDERS_IMPORTED = "orders-imported";
    public static final String SHIPMENTS_CREATED = "shipments-created";

    private final ShipmentIntake intake;

    ImporterEventsListener(ShipmentIntake intake) {
        this.intake = intake;
    }

    @Incoming(ORDERS_IMPORTED)
    @Blocking
    public void onOrderImported(ConsumerRecord<String, String> record) {
        KeyedRecords.consume(record, OrderImported.class, event -> "OrderImported of Cart.com order " + event.cartOrderId(),
                intake::recordOrder);
    }

    @Incoming(SHIPMENTS_CREATED)
    @Blocking
    public void onShipmentCreated(ConsumerRecord<String, String> record) {
        KeyedRecords.consume(record, ShipmentCreated.class, event -> "shipment of store " + event.storeId(),
                intake::recordShipment);
    }
}
