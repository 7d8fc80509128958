package com.orderdesk.cartcom.kit.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.model.crypto.EncryptedToken;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The one tombstone rule of every store-settings consumer. */
class StoreSettingsListenerTest {
    private final List<Long> deleted = new ArrayList<>();
    private final List<StoreIntegrationChanged> applied = new ArrayList<>();
    private final TokenCrypto crypto = TokenCrypto.fromConfig(TokenCrypto.newKeySpec("k1"), "k1");
    private final StoreSettingsListener consumer = new StoreSettingsListener(new StoreSnapshotKeeper() {
        @Override
        public boolean applied(StoreIntegrationChanged snapshot) {
            return applied.add(snapshot);
        }

        @Override
        public void deleted(long storeId) {
            deleted.add(storeId);
        }
    }, crypto);

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

    /** A snapshot pairing store 7's sealed token with another domain would send the token there: refused. */
    @Test
    void aSnapshotWhoseTokenWasSealedForAnotherDomainIsMalformedAndAppliesNothing() {
        EncryptedToken sealed = crypto.encrypt(7, "acme.com", "token-7");
        consumer.onSnapshot(record("7", snapshot(7, "acme.com", sealed)));
        assertEquals(1, applied.size(), "its own domain opens");
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> consumer.onSnapshot(record("7", snapshot(7, "attacker.example", sealed))));
        assertTrue(e.getMessage().contains("does not open for domain attacker.example"), e.getMessage());
        assertEquals(1, applied.size());
    }

    private static String snapshot(long storeId, String domain, EncryptedToken sealed) {
        return EventCodec.write(new StoreIntegrationChanged(UUID.randomUUID(), StoreIntegrationChanged.TYPE, 1,
                Instant.now(), storeId, 1, true, true, domain, sealed.ciphertext(), sealed.keyId(), "hash", "UTC", 5,
                List.of(1L), 1L, null, null, true, "CC-", List.of(), null));
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>("cartcom.store-settings.v1", 0, 0L, key, value);
    }
}
