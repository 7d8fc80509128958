package com.orderdesk.cartcom.e2e.badinput;

import com.orderdesk.cartcom.devstack.JsonHttp;
import com.orderdesk.cartcom.launcher.OrderDesk;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Table 1: malformed settings-service requests (CONTRACTS.md "settings-service", settings-service/README.md) and
 * the documented answer of each: HTTP status and {@code error.code}, and for rule violations the offending field in
 * {@code error.fields}. Every row is aimed at the connected target store, whose settings must stay as they were.
 */
final class SettingsRequests {
    private static final String JSON_TYPE = "application/json";
    private static final long UNKNOWN_STORE = 987_654_321L;
    private static final long UNKNOWN_STATUS = 999_999L;

    record Request(String method, String path, Map<String, String> headers, String contentType, byte[] body) {
    }

    /** {@code code} null: no error body is documented for the status; {@code fields}: each must be named. */
    record Expected(int status, String code, List<String> fields) {
        boolean matches(RawHttp.Answer answer) {
            return answer.status() == status && (code == null || code.equals(answer.errorCode()))
                    && fields.stream().allMatch(answer.errorFields()::has);
        }

        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code)
                    + (fields.isEmpty() ? "" : " fields." + String.join(",", fields));
        }
    }

    record Row(String input, Request request, Expected expected) {
    }

    private final BadInputStore target;
    private final OrderDesk.Settings current;
    private final List<Row> rows = new ArrayList<>();

    /** {@code current}: the target store's saved settings, which every settings row departs from in one way. */
    SettingsRequests(BadInputStore target, OrderDesk.Settings current) {
        this.target = target;
        this.current = current;
    }

    ResultTable run() {
        authentication();
        provisioning();
        bodyFormat();
        wrongTypes();
        settingsRules();
        connection();
        importsAndFolders();
        ResultTable table = new ResultTable("Table 1: malformed settings-service requests", "input", "documented answer",
                "answer");
        for (Row row : rows) {
            Request request = row.request();
            RawHttp.Answer answer = RawHttp.send(request.method(), target.settingsUrl() + request.path(), request.headers(),
                    request.contentType(), request.body());
            table.add(row.expected().matches(answer), row.input(), row.expected().toString(),
                    answer.summary() + fieldsOf(answer));
        }
        return table;
    }

    private void authentication() {
        String settings = target.integrationPath() + "/settings";
        Map<String, String> otherStoresKey = storeHeaders(target.otherStore.id(), target.otherStore.apiKey());
        add("GET settings without ORDERDESK-* headers", get(settings, Map.of()), 401, "unauthorized");
        add("GET settings with a wrong API key", get(settings, storeHeaders(target.store.id(), "wrong-key")), 401,
                "unauthorized");
        add("GET settings with the API key of another store", get(settings, storeHeaders(target.store.id(),
                target.otherStore.apiKey())), 401, "unauthorized");
        add("GET settings with an empty API key", get(settings, storeHeaders(target.store.id(), "")), 401, "unauthorized");
        add("ORDERDESK-STORE-ID not a number", get(settings, Map.of(ApiKeys.STORE_ID_HEADER, "abc",
                ApiKeys.API_KEY_HEADER, target.store.apiKey())), 401, "unauthorized");
        add("unknown store id in the headers", get("/api/v1/stores/" + UNKNOWN_STORE + "/integrations/cartcom/settings",
                storeHeaders(UNKNOWN_STORE, target.store.apiKey())), 401, "unauthorized");
        add("valid key of another store on this store's path", put(settings, otherStoresKey, JSON_TYPE,
                json(settingsBody(Map.of()))), 403, "forbidden");
        add("valid key, path of an unknown store", get("/api/v1/stores/" + UNKNOWN_STORE + "/integrations/cartcom/settings",
                target.headers()), 403, "forbidden");
    }

    private void provisioning() {
        String stores = "/api/v1/stores";
        byte[] valid = json(Map.of("name", "Never created", "timezone", "UTC"));
        add("POST /stores without Authorization", post(stores, Map.of(), valid), 401, "unauthorized");
        add("POST /stores with a wrong admin token", post(stores, admin("wrong-token"), valid), 401, "unauthorized");
        add("POST /stores with a store API key as bearer", post(stores, admin(target.store.apiKey()), valid), 401,
                "unauthorized");
        add("POST /stores, timezone Mars/Olympus_Mons", post(stores, admin(), json(Map.of("name", "x",
                "timezone", "Mars/Olympus_Mons"))), 422, "invalid_request", "timezone");
        add("POST /stores, timezone +25:00", post(stores, admin(), json(Map.of("name", "x", "timezone", "+25:00"))), 422,
                "invalid_request", "timezone");
        add("POST /stores without a name", post(stores, admin(), json(Map.of("timezone", "UTC"))), 422, "invalid_request",
                "name");
        add("POST /stores, name of 201 characters", post(stores, admin(), json(Map.of("name", "n".repeat(201)))), 422,
                "invalid_request", "name");
        add("DELETE an unknown store (admin)", new Request("DELETE", stores + "/" + UNKNOWN_STORE, admin(), null, null),
                404, "not_found");
    }

    private void bodyFormat() {
        String settings = target.integrationPath() + "/settings";
        add("PUT settings: malformed JSON", put(settings, JSON_TYPE, utf8("{\"enabled\": true,")), 400, "invalid_request");
        add("PUT settings: a JSON array", put(settings, JSON_TYPE, utf8("[]")), 400, "invalid_request");
        add("PUT settings: JSON null", put(settings, JSON_TYPE, utf8("null")), 400, "invalid_request");
        add("PUT settings: empty body", put(settings, JSON_TYPE, new byte[0]), 400, "invalid_request");
        add("PUT settings: Content-Type text/plain", put(settings, "text/plain", json(settingsBody(Map.of()))), 415,
                "unsupported_media_type");
        add("PUT settings: Content-Type application/xml", put(settings, "application/xml",
                utf8("<settings><enabled>true</enabled></settings>")), 415, "unsupported_media_type");
        // Without a Content-Type the body is read as the JSON the API speaks: the same rules apply to it.
        add("PUT settings: no Content-Type, interval 7", put(settings, null,
                json(settingsBody(Map.of("check_interval_minutes", 7)))), 422, "invalid_settings", "check_interval_minutes");
        // Refused by the HTTP layer (quarkus.http.limits.max-body-size, the kit's 256 KiB) before the API: no error
        // body there.
        add("PUT settings: 1 MB body (limit 256 KiB)", put(settings, JSON_TYPE,
                json(settingsBody(Map.of("order_prefix", "A".repeat(1024 * 1024))))), 413, null);
    }

    private void wrongTypes() {
        String settings = target.integrationPath() + "/settings";
        add("check_interval_minutes \"soon\"", putSettings(Map.of("check_interval_minutes", "soon")), 400, "invalid_request");
        add("check_interval_minutes 2^31 (overflows int)", putSettings(Map.of("check_interval_minutes", 2147483648L)), 400,
                "invalid_request");
        add("enabled \"maybe\"", putSettings(Map.of("enabled", "maybe")), 400, "invalid_request");
        add("download_status_ids an object", putSettings(Map.of("download_status_ids", Map.of("id", 1))), 400,
                "invalid_request");
        add("download_status_ids [\"one\"]", putSettings(Map.of("download_status_ids", List.of("one"))), 400,
                "invalid_request");
        add("folder_id \"New\" (a name, not an id)", putSettings(Map.of("folder_id", "New")), 400, "invalid_request");
        add("after_import_status_id true", putSettings(Map.of("after_import_status_id", true)), 400, "invalid_request");
        add("sync_tracking_numbers [] ", putSettings(Map.of("sync_tracking_numbers", List.of())), 400, "invalid_request");
        add("settings nested one level too deep", put(settings, JSON_TYPE, json(Map.of("settings",
                settingsBody(Map.of())))), 422, "invalid_settings", "download_status_ids");
    }

    private void settingsRules() {
        rule("check_interval_minutes 7 (not offered)", Map.of("check_interval_minutes", 7), "check_interval_minutes");
        rule("check_interval_minutes 0", Map.of("check_interval_minutes", 0), "check_interval_minutes");
        rule("check_interval_minutes -5", Map.of("check_interval_minutes", -5), "check_interval_minutes");
        rule("check_interval_minutes 100000", Map.of("check_interval_minutes", 100000), "check_interval_minutes");
        add("download_status_ids missing", putSettings(withoutField("download_status_ids")), 422, "invalid_settings",
                "download_status_ids");
        rule("download_status_ids []", Map.of("download_status_ids", List.of()), "download_status_ids");
        rule("download_status_ids [null]", Map.of("download_status_ids", Arrays.asList((Object) null)),
                "download_status_ids");
        rule("download_status_ids [999999] (not a status of the store)", Map.of("download_status_ids",
                List.of(UNKNOWN_STATUS)), "download_status_ids");
        rule("download_status_ids [-1]", Map.of("download_status_ids", List.of(-1)), "download_status_ids");
        rule("after_import_status_id 999999", Map.of("after_import_status_id", UNKNOWN_STATUS), "after_import_status_id");
        rule("after_import_status_id among the download statuses", Map.of("after_import_status_id",
                current.downloadStatusId()), "after_import_status_id");
        rule("after_shipment_status_id 999999", Map.of("after_shipment_status_id", UNKNOWN_STATUS),
                "after_shipment_status_id");
        rule("after_shipment_status_when \"sometimes\"", Map.of("after_shipment_status_when", "sometimes"),
                "after_shipment_status_when");
        rule("folder_id 999999 (no such folder)", Map.of("folder_id", UNKNOWN_STATUS), "folder_id");
        rule("folder_id of another store's folder", Map.of("folder_id", target.otherStoresFolder), "folder_id");
        rule("order_prefix of 21 characters", Map.of("order_prefix", "P".repeat(21)), "order_prefix");
        rule("order_prefix with a space", Map.of("order_prefix", "CC 1"), "order_prefix");
        rule("order_prefix <script>", Map.of("order_prefix", "<script>"), "order_prefix");
        rule("order_prefix non-ASCII letters", Map.of("order_prefix", "\u00c4\u00d6-"), "order_prefix");
        rule("order_prefix with a NUL character", Map.of("order_prefix", "CC\u0000"), "order_prefix");
        rule("order_prefix with CR LF", Map.of("order_prefix", "CC\r\nX"), "order_prefix");
        rule("order_prefix of 200 KB", Map.of("order_prefix", "P".repeat(200 * 1024)), "order_prefix");
        add("three rules broken at once (all reported)", putSettings(Map.of("check_interval_minutes", 7,
                "order_prefix", "bad prefix", "folder_id", UNKNOWN_STATUS)), 422, "invalid_settings",
                "check_interval_minutes", "order_prefix", "folder_id");
    }

    private void connection() {
        String connection = target.integrationPath() + "/connection";
        String domain = target.cart.domain();
        add("connect: token Cart.com answers 401 for", put(connection, JSON_TYPE, json(Map.of("domain", domain,
                "access_token", "not-the-token"))), 422, "token_rejected");
        add("connect: a revoked token", put(connection, JSON_TYPE, json(Map.of("domain", domain,
                "access_token", revokedToken()))), 422, "token_rejected");
        add("connect: access_token missing", put(connection, JSON_TYPE, json(Map.of("domain", domain))), 422,
                "token_rejected");
        add("connect: access_token blank", put(connection, JSON_TYPE, json(Map.of("domain", domain,
                "access_token", "   "))), 422, "token_rejected");
        add("connect: domain missing", put(connection, JSON_TYPE, json(Map.of("access_token", target.cart.token()))), 422,
                "invalid_domain");
        add("connect: a domain without a Cart.com store (404)", put(connection, JSON_TYPE, json(Map.of(
                "domain", "no-such-store.sandbox.test", "access_token", target.cart.token()))), 422, "unexpected_response");
        add("connect: malformed JSON", put(connection, JSON_TYPE, utf8("{\"domain\": ")), 400, "invalid_request");
        add("connect: domain an array", put(connection, JSON_TYPE, utf8("{\"domain\": [1], \"access_token\": \"t\"}")),
                400, "invalid_request");
    }

    private void importsAndFolders() {
        String imports = target.integrationPath() + "/imports";
        add("import since \"yesterday\"", post(imports, target.headers(), json(Map.of("since", "yesterday"))), 422,
                "invalid_since", "since");
        add("import since 2999-01-01 (future)", post(imports, target.headers(), json(Map.of("since", "2999-01-01"))),
                422, "invalid_since", "since");
        add("import since 2024-02-30 (no such date)", post(imports, target.headers(), json(Map.of("since",
                "2024-02-30"))), 422, "invalid_since", "since");
        add("import without since", post(imports, target.headers(), json(Map.of())), 422, "invalid_since", "since");
        add("import progress of a non-UUID id", get(imports + "/not-a-uuid", target.headers()), 404, "not_found");
        add("import progress of an unknown id", get(imports + "/" + UUID.randomUUID(), target.headers()), 404,
                "not_found");
        String folders = "/api/v1/stores/" + target.key() + "/folders";
        add("add folder with an empty name", post(folders, target.headers(), json(Map.of("name", ""))), 422,
                "invalid_request", "name");
        add("add folder named like an existing one (New)", post(folders, target.headers(), json(Map.of("name", "New"))),
                409, "folder_exists");
        add("add folder, name of 201 characters", post(folders, target.headers(), json(Map.of("name", "f".repeat(201)))),
                422, "invalid_request", "name");
    }

    private void rule(String input, Map<String, Object> change, String field) {
        add(input, putSettings(change), 422, "invalid_settings", field);
    }

    private void add(String input, Request request, int status, String code, String... fields) {
        rows.add(new Row(input, request, new Expected(status, code, List.of(fields))));
    }

    /** The saved settings as a PUT body, with some fields changed (a null value removes the field). */
    private Map<String, Object> settingsBody(Map<String, Object> change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", true);
        body.put("check_interval_minutes", current.checkIntervalMinutes());
        body.put("download_status_ids", List.of(current.downloadStatusId()));
        body.put("folder_id", current.folderId());
        body.put("after_import_status_id", current.afterImportStatusId());
        body.put("after_shipment_status_id", current.afterShipmentStatusId());
        body.put("sync_tracking_numbers", true);
        body.put("order_prefix", current.orderPrefix());
        change.forEach((field, value) -> {
            if (value == null) {
                body.remove(field);
            } else {
                body.put(field, value);
            }
        });
        return body;
    }

    private static Map<String, Object> withoutField(String field) {
        Map<String, Object> change = new HashMap<>();
        change.put(field, null);
        return change;
    }

    private Request putSettings(Map<String, Object> change) {
        return put(target.integrationPath() + "/settings", JSON_TYPE, json(settingsBody(change)));
    }

    private Request get(String path, Map<String, String> headers) {
        return new Request("GET", path, headers, null, null);
    }

    private Request put(String path, String contentType, byte[] body) {
        return put(path, target.headers(), contentType, body);
    }

    private static Request put(String path, Map<String, String> headers, String contentType, byte[] body) {
        return new Request("PUT", path, headers, contentType, body);
    }

    private static Request post(String path, Map<String, String> headers, byte[] body) {
        return new Request("POST", path, headers, JSON_TYPE, body);
    }

    private Map<String, String> admin() {
        return admin(target.system.adminToken());
    }

    private static Map<String, String> admin(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> storeHeaders(long storeId, String apiKey) {
        return Map.of(ApiKeys.STORE_ID_HEADER, Long.toString(storeId), ApiKeys.API_KEY_HEADER, apiKey);
    }

    /** A token the sandbox store issued and then revoked: Cart.com answers 401 for it. */
    private String revokedToken() {
        JsonHttp control = new JsonHttp(target.system.sandboxUrl(), Map.of());
        String path = "/_sandbox/stores/" + target.cart.domain() + "/tokens";
        String token = control.post(path, Map.of()).expect(201, "extra sandbox token").path("token").asText();
        if (control.delete(path + "/" + token).status() != 204) {
            throw new IllegalStateException("the sandbox did not revoke " + path);
        }
        return token;
    }

    private static String fieldsOf(RawHttp.Answer answer) {
        List<String> names = new ArrayList<>();
        answer.errorFields().fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "" : " fields." + String.join(",", names);
    }

    private static byte[] json(Object body) {
        return Bodies.json(body);
    }

    private static byte[] utf8(String text) {
        return Bodies.utf8(text);
    }
}
