package com.orderdesk.cartcom.kit.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The one tombstone rule of every store-settings consumer. */
class StoreSettingsListenerTest {
    private final List<Long> deleted = new ArrayList<>();
    private final List<StoreIntegrationChanged> applied = new ArrayList<>();
    private final StoreSettingsListener consumer = new StoreSettingsListener(new StoreSnapshotKeeper() {
        @Override
        public boolean applied(StoreIntegrationChanged snapshot) {
            return applied.add(snapshot);
        }

        @Override
        public void deleted(long storeId) {
            deleted.add(storeId);
        }
    });

    @Test
    void aNullValueKeyedByAStoreIdDeletesThatStore() {
        consumer.onSnapshot(record("42", null));
        assertEquals(List.of(42L), deleted);
        assertTrue(applied.isEmpty());
    }

    @Test
    void aTombstoneWithoutANumericKeyIsMalformedAndDeletesNothing() {
        for (String key : new String[] {null, "", "store-42", "4 2"}) {
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> consumer.onSnapshot(record(key, null)));
            assertTrue(e.getMessage().contains("tombstone"), e.getMessage());
        }
        assertTrue(deleted.isEmpty());
    }

    @Test
    void aSnapshotWhoseKeyIsNotItsStoreIsMalformedAndAppliesNothing() {
        assertThrows(MalformedEventException.class, () -> consumer.onSnapshot(record("7", "{\"storeId\": 8}")));
        assertThrows(MalformedEventException.class, () -> consumer.onSnapshot(record("7", "not json")));
        assertTrue(applied.isEmpty());
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>("cartcom.store-settings.v1", 0, 0L, key, value);
    }
}
