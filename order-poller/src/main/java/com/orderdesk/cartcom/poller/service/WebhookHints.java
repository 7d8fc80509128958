package com.orderdesk.cartcom.poller.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a webhook's body may do: only save a poll that could find nothing, never cause anything. A poll can find an
 * order only in one of the store's download statuses, so a body that plainly says its order is in another one (an
 * {@code OrderStatusChanged} to the after-import status: the integration's own acknowledgement; a {@code NewOrder}
 * placed as a quote) asks for no poll. Whoever forges such a body saves us a call; a real order's own webhook still
 * comes, and anything unclear (unreadable, no status, a status of ours) asks for the poll.
 */
@ApplicationScoped
public class WebhookHints {
    /** Bodies longer than this are not read for hints (the HTTP layer caps them anyway); they ask for the poll. */
    private static final int MAX_HINT_BODY = 64 * 1024;

    private final StoreSnapshots snapshots;

    public WebhookHints(StoreSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** True only when the body shows that a poll of the store could not find its order. */
    public boolean cannotConcernDownloads(long storeId, String body) {
        Optional<Long> status = statusNamed(body);
        if (status.isEmpty()) {
            return false;
        }
        List<Long> downloaded = snapshots.find(storeId).map(StoreIntegrationChanged::downloadStatusIds).orElse(List.of());
        return !downloaded.isEmpty() && !downloaded.contains(status.get());
    }

    /** OrderStatusChanged's {@code new_status.id}, else the order's {@code order_status_id}; empty when unclear. */
    private static Optional<Long> statusNamed(String body) {
        if (body == null || body.isEmpty() || body.length() > MAX_HINT_BODY) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            JsonNode status = root.has("new_status") ? root.path("new_status").path("id")
                    : root.path("order").path("order_status_id");
            return status.canConvertToLong() && status.asLong() > 0 ? Optional.of(status.asLong()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
