package com.orderdesk.cartcom.poller.listener;

import com.orderdesk.cartcom.kit.consuming.DatabaseOutages;
import com.orderdesk.cartcom.kit.consuming.KeyedRecords;
import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.poller.repository.ImportRequestRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Manual import requests: recorded here (idempotently, by import id) and run by the poll scheduler's workers. */
@ApplicationScoped
public class ImportRequestListener {
    public static final String CHANNEL = "import-requests";
    private static final Logger LOG = Logger.getLogger(ImportRequestListener.class);

    private final ImportRequestRepository imports;

    public ImportRequestListener(ImportRequestRepository imports) {
        this.imports = imports;
    }

    /** A database outage is waited out, each attempt in its own transaction ({@link DatabaseOutages}). */
    @Incoming(CHANNEL)
    @Blocking
    public void onRequest(ConsumerRecord<String, String> record) {
        // A malformed request (keyed by another store than its payload's included) goes to the DLQ with the reason.
        KeyedRecords.consume(record, ManualImportRequested.class, request -> "manual import " + request.importId(),
                request -> {
                    if (QuarkusTransaction.requiringNew().call(
                            () -> imports.record(request.importId(), request.storeId(), request.since()))) {
                        LOG.infof("manual import %s of store %d since %s queued", request.importId(), request.storeId(),
                                request.since());
                    }
                });
    }
}
