package com.orderdesk.cartcom.importer.bench;

import com.orderdesk.cartcom.importer.mapping.CartOrderMapper;
import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import java.util.ArrayList;
import java.util.List;

/**
 * The orders of {@code stores} stores from {@code firstStore} on, 2 items each, as the poller publishes them: kept as
 * record text only, so the benchmark's JVM (the in-process importer's too) does not hold thousands of JSON trees.
 */
record Workload(long firstStore, List<StoreIntegrationChanged> stores, List<String> records) {

    static Workload of(long firstStore, int stores, int orders, TokenCrypto crypto) {
        List<StoreIntegrationChanged> snapshots = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            snapshots.add(CartcomFixtures.store(firstStore + s, 1, ApiKeys.generate(), "token", crypto, null));
        }
        List<String> records = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            records.add(EventCodec.write(CartcomFixtures.fetched(firstStore + i % stores, 1_000_000 + i, null)));
        }
        return new Workload(firstStore, snapshots, records);
    }

    /** The store (and Kafka key) of a record. */
    long storeOf(int record) {
        return firstStore + record % stores.size();
    }

    long lastStore() {
        return firstStore + stores.size() - 1;
    }

    /** The orders as the importer maps them. */
    List<MappedOrder> mapped() {
        CartOrderMapper mapper = new CartOrderMapper();
        List<MappedOrder> mapped = new ArrayList<>(records.size());
        for (String record : records) {
            CartOrderFetched order = EventCodec.read(record, CartOrderFetched.class);
            mapped.add(mapper.map(order, stores.get((int) (order.storeId() - firstStore))));
        }
        return mapped;
    }
}
