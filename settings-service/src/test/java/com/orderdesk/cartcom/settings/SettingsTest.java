package com.orderdesk.cartcom.settings;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Sandbox;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SettingsTest extends ServiceTestBase {

    @Test
    void beforeSavingTheIntegrationIsOffWithSafeDefaults() {
        TestStore store = Api.createStore();
        long newFolder = firstFolder(store);
        store.as().get(store.cartcom("/settings")).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("check_interval_minutes", equalTo(15))
                .body("download_status_ids", hasSize(0))
                .body("folder_id", equalTo((int) newFolder))
                .body("after_import_status_id", nullValue())
                .body("after_shipment_status_id", nullValue())
                .body("sync_tracking_numbers", equalTo(true))
                .body("order_prefix", equalTo(""))
                .body("saved_at", nullValue());
    }

    @Test
    void settingsNeedAConnection() {
        TestStore store = Api.createStore();
        store.as().body(valid(store)).put(store.cartcom("/settings"))
                .then().statusCode(409).body("error.code", equalTo("not_connected"));
    }

    @Test
    void validSettingsAreSavedAndReadBack() {
        TestStore store = connectedStore();
        long folder = firstFolder(store);
        Map<String, Object> settings = valid(store);
        settings.put("after_shipment_status_id", 3);
        settings.put("after_shipment_status_when", "fully_shipped");
        store.as().body(settings).put(store.cartcom("/settings")).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("saved_at", notNullValue());
        store.as().get(store.cartcom("/settings")).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("check_interval_minutes", equalTo(30))
                .body("download_status_ids", equalTo(List.of(1, 5)))
                .body("folder_id", equalTo((int) folder))
                .body("after_import_status_id", equalTo(2))
                .body("after_shipment_status_id", equalTo(3))
                .body("sync_tracking_numbers", equalTo(false))
                .body("order_prefix", equalTo("CC-#_1"))
                .body("after_shipment_status_when", equalTo("fully_shipped"));
    }

    @Test
    void theLiveStatusesAreListedWithTheirFlagsAndCachedBriefly() {
        SandboxStore cart = Sandbox.newStore();
        TestStore store = Api.connectedTo(cart);
        store.as().get(store.cartcom("/order-statuses")).then().statusCode(200)
                .body("id", equalTo(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)))
                .body("[0].name", equalTo("Pending Processing"))
                .body("[0].is_open", equalTo(true))
                .body("[2].is_shipped", equalTo(true))
                .body("[3].is_cancelled", equalTo(true))
                .body("[4].is_declined", equalTo(true))
                .body("[4].is_cancelled", equalTo(false))
                .body("[8].is_quote_status", equalTo(true));
        store.as().get(store.cartcom("/order-statuses")).then().statusCode(200);
        // One call for the connection check; the two reads came from the cache.
        assertEquals(1, Sandbox.statusReads(cart.domain()));
    }

    @Test
    void aStatusAddedAtCartcomIsSeenOnRefresh() {
        SandboxStore cart = Sandbox.newStore();
        TestStore store = Api.connectedTo(cart);
        Sandbox.addStatus(cart.domain(), 42, "Awaiting Pickup");
        store.as().get(store.cartcom("/order-statuses")).then().statusCode(200).body("id", hasSize(9));
        store.as().get(store.cartcom("/order-statuses?refresh=true")).then().statusCode(200)
                .body("id", hasSize(10))
                .body("find { it.id == 42 }.name", equalTo("Awaiting Pickup"));
        assertEquals(2, Sandbox.statusReads(cart.domain()));
    }

    @Test
    void whenCartcomFailsTheStatusesAnswer502WithItsCode() {
        SandboxStore cart = Sandbox.newStore();
        TestStore store = Api.connectedTo(cart);
        Sandbox.faults(cart.domain(), Map.of("error_rate", 1.0));
        store.as().get(store.cartcom("/order-statuses?refresh=true")).then().statusCode(502)
                .body("error.code", equalTo("unreachable"));
    }

    @Test
    void theIntervalMustBeOneOfTheOffered() {
        expectInvalid("check_interval_minutes", 7);
        expectInvalid("check_interval_minutes", 0);
    }

    @Test
    void downloadStatusesAreRequired() {
        expectInvalid("download_status_ids", List.of());
    }

    @Test
    void downloadStatusesMustBeTheStoresStatuses() {
        expectInvalid("download_status_ids", List.of(1, 99)).body("error.fields.download_status_ids", containsString("99"));
    }

    @Test
    void theAfterImportStatusMustBeOneOfTheStoresStatuses() {
        expectInvalid("after_import_status_id", 42);
    }

    @Test
    void theAfterImportStatusMustNotBeADownloadStatus() {
        expectInvalid("after_import_status_id", 1)
                .body("error.fields.after_import_status_id", containsString("not be able to download any orders"));
    }

    @Test
    void theAfterShipmentStatusMustBeOneOfTheStoresStatuses() {
        expectInvalid("after_shipment_status_id", 77);
    }

    @Test
    void theAfterShipmentStatusAppliesAfterEachShipmentOrOnceFullyShipped() {
        expectInvalid("after_shipment_status_when", "sometimes");
    }

    @Test
    void theFolderMustBeOneOfTheStores() {
        TestStore other = Api.createStore();
        expectInvalid("folder_id", firstFolder(other));
    }

    @Test
    void thePrefixIsShortAndPlain() {
        expectInvalid("order_prefix", "ABCDEFGHIJKLMNOPQRSTU"); // 21
        expectInvalid("order_prefix", "CC ");
        expectInvalid("order_prefix", "CC/");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndNothingChanges() {
        TestStore store = connectedStore();
        store.as().body(valid(store)).put(store.cartcom("/settings")).then().statusCode(200);
        String before = store.as().get(store.cartcom("/settings")).then().extract().asString();
        Map<String, Object> broken = valid(store);
        broken.put("check_interval_minutes", 3);
        broken.put("order_prefix", "no spaces");
        broken.put("after_import_status_id", 1);
        store.as().body(broken).put(store.cartcom("/settings")).then().statusCode(422)
                .body("error.code", equalTo("invalid_settings"))
                .body("error.fields", aMapWithSize(3))
                .body("error.fields.keySet()", hasItems("check_interval_minutes", "order_prefix", "after_import_status_id"));
        store.as().get(store.cartcom("/settings")).then().body(equalTo(before));
    }

    @Test
    void nullAfterStatusesMeanLeaveTheStatusUnchanged() {
        TestStore store = connectedStore();
        Map<String, Object> settings = valid(store);
        settings.put("after_import_status_id", null);
        store.as().body(settings).put(store.cartcom("/settings")).then().statusCode(200)
                .body("after_import_status_id", nullValue())
                .body("after_shipment_status_id", nullValue());
    }

    @Test
    void connectingAnotherCartcomStoreForgetsTheStatusChoices() {
        TestStore store = connectedStore();
        store.as().body(valid(store)).put(store.cartcom("/settings")).then().statusCode(200);
        Api.connect(store, Sandbox.newStore());
        store.as().get(store.cartcom("/settings")).then()
                .body("enabled", equalTo(false))
                .body("download_status_ids", hasSize(0));
    }

    private static ValidatableResponse expectInvalid(String field, Object value) {
        TestStore store = connectedStore();
        Map<String, Object> settings = valid(store);
        settings.put(field, value);
        return store.as().body(settings).put(store.cartcom("/settings")).then().statusCode(422)
                .body("error.code", equalTo("invalid_settings"))
                .body("error.fields", hasKey(field))
                .body("error.fields", aMapWithSize(1));
    }

    private static TestStore connectedStore() {
        return Api.connectedStore();
    }

    private static Map<String, Object> valid(TestStore store) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("enabled", true);
        settings.put("check_interval_minutes", 30);
        settings.put("download_status_ids", List.of(1, 5));
        settings.put("folder_id", firstFolder(store));
        settings.put("after_import_status_id", 2);
        settings.put("sync_tracking_numbers", false);
        settings.put("order_prefix", "CC-#_1");
        return settings;
    }

    private static long firstFolder(TestStore store) {
        return store.as().get(store.path("/folders")).then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }
}
