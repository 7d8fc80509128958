package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One order as a list page returned it, with its place in the walk (key) and its version (updated_at as sent). */
public record ListedOrder(long id, ListKey key, String updatedAtRaw, Instant updatedAt, ObjectNode order) {
}
