package com.orderdesk.cartcom.poller.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One order as a list page returned it, with its place in the walk (key) and its version (updated_at as sent).
 * keyUnreadable: the walk's field ({@code updated_at}, {@code ordered_at}) was empty, null or not a date, so the key
 * is a stand-in where the store listed it ({@link ListKey#standIn}).
 */
public record ListedOrder(long id, ListKey key, boolean keyUnreadable, String updatedAtRaw, Instant updatedAt,
                          ObjectNode order) {
}
