package com.orderdesk.cartcom.launcher;

import com.orderdesk.cartcom.devstack.JsonHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The Order Desk side as a merchant's script sees it: settings-service and order-importer REST APIs (CONTRACTS.md). */
public final class OrderDesk {
    private final JsonHttp admin;
    private final String settingsUrl;
    private final String importerUrl;

    public OrderDesk(String settingsUrl, String importerUrl, String adminToken) {
        this.settingsUrl = settingsUrl;
        this.importerUrl = importerUrl;
        this.admin = new JsonHttp(settingsUrl, Map.of("Authorization", "Bearer " + adminToken));
    }

    /** A store and the key that opens it (shown once by the API). */
    public record Store(long id, String apiKey) {
        Map<String, String> headers() {
            return Map.of(ApiKeys.STORE_ID_HEADER, Long.toString(id), ApiKeys.API_KEY_HEADER, apiKey);
        }
    }

    public Store createStore(String name, String timezone) {
        JsonNode created = admin.post("/api/v1/stores", Map.of("name", name, "timezone", timezone))
                .expect(201, "create store");
        return new Store(created.path("store_id").asLong(), created.path("api_key").asText());
    }

    public JsonHttp settings(Store store) {
        return new JsonHttp(settingsUrl, store.headers());
    }

    public JsonHttp importer(Store store) {
        return new JsonHttp(importerUrl, store.headers());
    }

    public String integrationPath(Store store) {
        return "/api/v1/stores/" + store.id() + "/integrations/cartcom";
    }

    public JsonNode connect(Store store, String domain, String accessToken) {
        return settings(store).put(integrationPath(store) + "/connection",
                Map.of("domain", domain, "access_token", accessToken)).expect(200, "connect");
    }

    public JsonNode orderStatuses(Store store) {
        return settings(store).get(integrationPath(store) + "/order-statuses").expect(200, "order statuses");
    }

    public long folderId(Store store, String name) {
        JsonNode folders = settings(store).get("/api/v1/stores/" + store.id() + "/folders").expect(200, "folders");
        for (JsonNode folder : folders.isArray() ? folders : folders.path("folders")) {
            if (folder.path("name").asText().equals(name)) {
                return folder.path("id").asLong();
            }
        }
        throw new IllegalStateException("no folder " + name + " in " + folders);
    }

    /** The first of the store's live statuses that matches. */
    public long statusId(Store store, Predicate<JsonNode> matches, String what) {
        JsonNode statuses = orderStatuses(store);
        for (JsonNode status : statuses.isArray() ? statuses : statuses.path("order_statuses")) {
            if (matches.test(status)) {
                return status.path("id").asLong();
            }
        }
        throw new IllegalStateException("no status for " + what + " in " + statuses);
    }

    /** The guide's recommended setup: download Pending Processing, set Approved after import, Shipped after shipment. */
    public record Settings(long downloadStatusId, long afterImportStatusId, long afterShipmentStatusId, long folderId,
                           String orderPrefix, int checkIntervalMinutes) {
    }

    public JsonNode saveSettings(Store store, Settings settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("check_interval_minutes", settings.checkIntervalMinutes());
        body.put("download_status_ids", java.util.List.of(settings.downloadStatusId()));
        body.put("folder_id", settings.folderId());
        body.put("after_import_status_id", settings.afterImportStatusId());
        body.put("after_shipment_status_id", settings.afterShipmentStatusId());
        body.put("sync_tracking_numbers", true);
        body.put("order_prefix", settings.orderPrefix());
        return settings(store).put(integrationPath(store) + "/settings", body).expect(200, "save settings");
    }

    public JsonNode orders(Store store) {
        return importer(store).get("/api/v1/stores/" + store.id() + "/orders?limit=100").expect(200, "orders");
    }

    public Optional<JsonNode> orderBySourceId(Store store, String sourceId) {
        JsonNode page = importer(store).get("/api/v1/stores/" + store.id() + "/orders?source_id=" + sourceId)
                .expect(200, "orders by source id");
        JsonNode orders = page.path("orders");
        return orders.isEmpty() ? Optional.empty() : Optional.of(orders.get(0));
    }

    public JsonNode addShipment(Store store, long orderId, String trackingNumber, String carrier, String method) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tracking_number", trackingNumber);
        body.put("carrier_code", carrier);
        body.put("shipment_method", method);
        body.put("tracking_url", "https://tracking.example/" + trackingNumber);
        return importer(store).post("/api/v1/stores/" + store.id() + "/orders/" + orderId + "/shipments", body)
                .expect(201, "add shipment");
    }

    public JsonNode status(Store store) {
        return settings(store).get(integrationPath(store) + "/status").expect(200, "status");
    }

    public JsonNode activity(Store store) {
        return settings(store).get(integrationPath(store) + "/activity?limit=50").expect(200, "activity");
    }
}
