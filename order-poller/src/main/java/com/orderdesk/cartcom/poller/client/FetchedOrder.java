package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One order from a list page with what the importer needs beside it (fetched in batches). */
public record FetchedOrder(long id, String updatedAtRaw, Instant updatedAt, ObjectNode order, ObjectNode shippingAddress,
                           ObjectNode billingAddress, ObjectNode customer) {
}
