package com.orderdesk.cartcom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatetimeTest {

    /** Cart.com style: seconds, then 0-3 fraction digits without trailing zeros, then the offset. */
    private static final Pattern CARTCOM = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,2}[1-9])?[+-]\\d\\d:\\d\\d");

    @Test
    void datetimesUseTheStoreOffsetByDefaultMinusSix() {
        SandboxClient.Store store = SandboxClient.newStore();
        long id = store.seed(1, null).get(0);
        JsonPath order = store.api().get("/orders/" + id + "?expand=items,payments").then().extract().jsonPath();
        for (String field : new String[] {"ordered_at", "created_at", "updated_at", "order_status_last_changed_at",
                "items[0].created_at", "payments[0].paid_at"}) {
            String value = order.getString(field);
            assertTrue(CARTCOM.matcher(value).matches(), field + "=" + value);
            assertTrue(value.endsWith("-06:00"), field + "=" + value);
        }
    }

    @Test
    void offsetIsPerStoreAndTheInstantIsTheSame() {
        SandboxClient.Store india = SandboxClient.newStore(Map.of("rate_limit", 1000, "utc_offset", "+05:30"));
        SandboxClient.Store utc = SandboxClient.newStore(Map.of("rate_limit", 1000, "utc_offset", "+00:00"));
        Map<String, Object> order = Map.of("ordered_at", "2024-01-15T12:00:00Z", "seed", 5);
        String inIndia = india.control().body(order).post("/orders").then().statusCode(201).extract().path("ordered_at");
        String inUtc = utc.control().body(order).post("/orders").then().statusCode(201).extract().path("ordered_at");
        assertEquals("2024-01-15T17:30:00+05:30", inIndia);
        assertEquals("2024-01-15T12:00:00+00:00", inUtc);
        assertEquals(OffsetDateTime.parse(inIndia).toInstant(), OffsetDateTime.parse(inUtc).toInstant());
        String viaApi = india.api().get("/orders?fields=ordered_at").then().extract().path("orders[0].ordered_at");
        assertEquals(inIndia, viaApi);
    }

    @Test
    void aZoneIdFollowsDaylightSaving() {
        SandboxClient.Store chicago = SandboxClient.newStore(Map.of("rate_limit", 1000, "utc_offset", "America/Chicago"));
        String winter = chicago.control().body(Map.of("ordered_at", "2024-01-15T12:00:00Z")).post("/orders")
                .then().extract().path("ordered_at");
        String summer = chicago.control().body(Map.of("ordered_at", "2024-07-15T12:00:00Z")).post("/orders")
                .then().extract().path("ordered_at");
        assertTrue(winter.endsWith("-06:00"), winter);
        assertTrue(summer.endsWith("-05:00"), summer);
    }
}
