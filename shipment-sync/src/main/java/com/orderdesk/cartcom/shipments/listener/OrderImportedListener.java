package com.orderdesk.cartcom.shipments.listener;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.OrderImported;
import com.orderdesk.cartcom.shipments.service.OrderImportRecorder;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns which Cart.com order each imported Order Desk order came from. */
@ApplicationScoped
public class OrderImportedListener {
    public static final String CHANNEL = "orders-imported";

    private final OrderImportRecorder recorder;

    OrderImportedListener(OrderImportRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * A malformed record goes to the DLQ (channel config); a database outage is waited out however long it lasts
     * ({@link DatabaseOutages}), any other failure is retried a few times first.
     */
    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 500, abortOn = MalformedEventException.class)
    public void onOrderImported(ConsumerRecord<String, String> record) {
        OrderImported event = EventCodec.readKeyed(record.key(), record.value(), OrderImported.class);
        DatabaseOutages.retryThrough("OrderImported of Cart.com order " + event.cartOrderId(), () -> recorder.record(event));
    }
}
