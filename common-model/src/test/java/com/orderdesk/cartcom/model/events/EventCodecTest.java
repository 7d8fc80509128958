package com.orderdesk.cartcom.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad records are refused with a reason a person can act on; that reason goes into the DLQ headers. */
class EventCodecTest {

    @Test
    void notJsonIsRefused() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventCodec.read("{not json", OrderImported.class));
        assertTrue(e.getMessage().startsWith("not JSON"), e.getMessage());
    }

    @Test
    void emptyRecordIsRefused() {
        assertEquals("empty record", assertThrows(MalformedEventException.class,
                () -> EventCodec.read("", OrderImported.class)).getMessage());
    }

    @Test
    void missingIdsAreNamed() throws IOException {
        assertEquals("missing storeId", refusalOfExampleWith(CartOrderFetched.class, json -> {
            json.remove("cartOrderId");
            json.remove("storeId");
        }));
    }

    @Test
    void missingPayloadIdsAreNamed() throws IOException {
        assertEquals("missing cartOrderId, order", refusalOfExampleWith(CartOrderFetched.class, json -> {
            json.remove("cartOrderId");
            json.putNull("order");
        }));
    }

    @Test
    void wrongEventTypeIsRefused() throws IOException {
        ObjectNode json = ContractExamplesTest.exampleCopy(ShipmentCreated.class);
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventCodec.read(json.toString(), OrderImported.class));
        assertTrue(e.getMessage().contains("eventType ShipmentCreated"), e.getMessage());
    }

    @Test
    void newerSchemaVersionIsRefused() throws IOException {
        assertEquals("unsupported schemaVersion 2",
                refusalOfExampleWith(OrderImported.class, json -> json.put("schemaVersion", 2)));
    }

    @Test
    void wrongValueTypeIsRefused() throws IOException {
        String reason = refusalOfExampleWith(OrderImported.class, json -> json.put("orderId", "not-a-number"));
        assertTrue(reason.startsWith("invalid OrderImported"), reason);
    }

    @Test
    void unknownFieldsAreIgnoredBecauseContractsOnlyGrow() throws IOException {
        ObjectNode json = ContractExamplesTest.exampleCopy(OrderImported.class);
        json.put("addedLater", "value");
        assertEquals(5001, EventCodec.read(json.toString(), OrderImported.class).orderId());
    }

    @Test
    void keyIsTheStoreId() throws IOException {
        OrderImported event = EventCodec.read(ContractExamplesTest.example(OrderImported.class), OrderImported.class);
        assertEquals("42", event.key());
    }
    @Test
    void aRecordKeyedByItsStoreIdIsRead() throws IOException {
        OrderImported event = EventCodec.readKeyed("42", ContractExamplesTest.example(OrderImported.class).toString(),
                OrderImported.class);
        assertEquals(42, event.storeId());
    }

    @Test
    void aRecordKeyedByAnotherStoreIsRefused() throws IOException {
        String json = ContractExamplesTest.example(OrderImported.class).toString();
        assertEquals("key 987654321 is not the store id 42 of the payload", assertThrows(MalformedEventException.class,
                () -> EventCodec.readKeyed("987654321", json, OrderImported.class)).getMessage());
        assertEquals("key null is not the store id 42 of the payload", assertThrows(MalformedEventException.class,
                () -> EventCodec.readKeyed(null, json, OrderImported.class)).getMessage());
    }

    @Test
    void aHugeWrongKeyIsAbbreviatedInTheReason() throws IOException {
        String json = ContractExamplesTest.example(OrderImported.class).toString();
        String key = "9".repeat(100_000);
        String reason = assertThrows(MalformedEventException.class,
                () -> EventCodec.readKeyed(key, json, OrderImported.class)).getMessage();
        assertTrue(reason.length() < 200 && reason.contains("(100000 characters)"), reason);
    }

    @Test
    void aMalformedValueIsRefusedForItselfWhateverTheKey() {
        assertTrue(assertThrows(MalformedEventException.class,
                () -> EventCodec.readKeyed("1", "{not json", OrderImported.class)).getMessage().startsWith("not JSON"));
    }

    @Test
    void aFetchedOrderKeepsItsParsedTreesAndTheirValues() throws IOException {
        ObjectNode json = ContractExamplesTest.exampleCopy(CartOrderFetched.class);
        json.putNull("customer");
        CartOrderFetched event = EventCodec.read(json, CartOrderFetched.class);
        assertSame(json.get("order"), event.order());
        assertEquals(ContractExamplesTest.exampleCopy(CartOrderFetched.class).get("order"), event.order());
        assertNull(event.customer());
        assertEquals(json.get("cartOrderId").asLong(), event.cartOrderId());
        assertEquals(Instant.parse(json.get("occurredAt").asText()), event.occurredAt());
    }

    @Test
    void aFetchedOrderThatIsNotAnObjectIsRefusedWithTheField() throws IOException {
        assertEquals("invalid CartOrderFetched: shippingAddress is a JSON array where an object was expected",
                refusalOfExampleWith(CartOrderFetched.class, json -> json.putArray("shippingAddress").add(1)));
    }

    /** The reason the codec gives for refusing {@code type}'s contract example after {@code change}. */
    private static String refusalOfExampleWith(Class<? extends IntegrationEvent> type, Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode json = ContractExamplesTest.exampleCopy(type);
        change.accept(json);
        return assertThrows(MalformedEventException.class, () -> EventCodec.read(json.toString(), type)).getMessage();
    }
}
