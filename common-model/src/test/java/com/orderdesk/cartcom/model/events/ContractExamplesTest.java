package com.orderdesk.cartcom.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract examples (resources/contracts) and the event records must say the same thing: every field of
 * an example is a field of the record, every record field appears in its example, and an example survives a
 * write/read round trip. A renamed field on either side fails here before a consumer drifts apart.
 */
class ContractExamplesTest {

    static Stream<Class<? extends IntegrationEvent>> events() {
        return Stream.of(StoreIntegrationChanged.class, ManualImportRequested.class, CartOrderFetched.class,
                OrderImported.class, ShipmentCreated.class, ActivityRecorded.class, PollRequested.class);
    }

    @ParameterizedTest
    @MethodSource("events")
    void exampleFieldsAreExactlyTheRecordFields(Class<? extends IntegrationEvent> type) throws IOException {
        JsonNode example = example(type);
        Set<String> exampleFields = new TreeSet<>();
        example.fieldNames().forEachRemaining(exampleFields::add);
        Set<String> recordFields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> optional = Set.of("importId", "cartOrderId", "orderId", "shippingAddress", "billingAddress",
                "customer", "storeVersion");
        Set<String> unknown = new TreeSet<>(exampleFields);
        unknown.removeAll(recordFields);
        assertTrue(unknown.isEmpty(), type.getSimpleName() + " example has fields the record lacks: " + unknown);
        Set<String> missing = new TreeSet<>(recordFields);
        missing.removeAll(exampleFields);
        missing.removeAll(optional);
        assertTrue(missing.isEmpty(), type.getSimpleName() + " example lacks fields: " + missing);
    }

    @ParameterizedTest
    @MethodSource("events")
    void exampleSurvivesARoundTrip(Class<? extends IntegrationEvent> type) throws Exception {
        JsonNode example = example(type);
        IntegrationEvent event = EventCodec.read(example, type);
        assertEquals(type.getField("TYPE").get(null), event.eventType());
        assertNotNull(event.eventId());
        IntegrationEvent again = EventCodec.read(EventCodec.write(event), type);
        assertEquals(event, again);
        assertSameValues(example, Json.mapper().readTree(EventCodec.write(event)), type.getSimpleName());
    }

    private static void assertSameValues(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertTrue(actual.has(name), path + "." + name + " was dropped");
                assertSameValues(expected.get(name), actual.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path);
            for (int i = 0; i < expected.size(); i++) {
                assertSameValues(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (expected.isNumber()) {
            assertEquals(0, expected.decimalValue().compareTo(actual.decimalValue()), path);
        } else if (expected.isTextual() && isInstant(path)) {
            assertEquals(java.time.Instant.parse(expected.asText()), java.time.Instant.parse(actual.asText()), path);
        } else {
            assertEquals(expected, actual, path);
        }
    }

    private static boolean isInstant(String path) {
        return path.endsWith("At") || path.endsWith("dateShipped") || path.endsWith("since");
    }

    static JsonNode example(Class<?> type) throws IOException {
        try (InputStream in = ContractExamplesTest.class.getResourceAsStream("/contracts/" + type.getSimpleName() + ".json")) {
            assertNotNull(in, "no contract example for " + type.getSimpleName());
            return Json.mapper().readTree(in);
        }
    }

    static ObjectNode exampleCopy(Class<?> type) throws IOException {
        return (ObjectNode) example(type).deepCopy();
    }
}
