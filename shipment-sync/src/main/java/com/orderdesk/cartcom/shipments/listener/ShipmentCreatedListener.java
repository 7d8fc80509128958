package com.orderdesk.cartcom.shipments.listener;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.ShipmentCreated;
import com.orderdesk.cartcom.shipments.service.ShipmentIntake;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Queues each new Order Desk shipment for the sync worker; redeliveries are absorbed by shipment id. */
@ApplicationScoped
public class ShipmentCreatedListener {
    public static final String CHANNEL = "shipments-created";

    private final ShipmentIntake intake;

    ShipmentCreatedListener(ShipmentIntake intake) {
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onShipmentCreated(ConsumerRecord<String, String> record) {
        ShipmentCreated event = EventCodec.readKeyed(record.key(), record.value(), ShipmentCreated.class);
        DatabaseOutages.retryThrough("shipment of store " + event.storeId(), () -> intake.record(event));
    }
}
