package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.mapping.CartOrderMapper;
import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything of an import that needs no transaction, done ahead of it: reading each record, its store (as it is
 * now, like the folder and prefix an import uses), the mapping, ids from the tables' sequences in record order,
 * the JSON columns and the events. It writes nothing, so it can run for the next batch while the previous one is
 * being written. Records are read and mapped one by one on every core (parallel streams), so each record's JSON
 * tree is garbage again at once: a batch holds its mapped orders, never hundreds of trees. Ids of orders that
 * turn out to be duplicates stay unused, as a rolled-back insert leaves them.
 */
@ApplicationScoped
public class OrderPreparer {
    private static final String NEXT_IDS = """
            SELECT ARRAY(SELECT nextval('od_order_id_seq') FROM generate_series(1, ?)),
                   ARRAY(SELECT nextval('od_order_item_id_seq') FROM generate_series(1, ?))""";

    private final StoreSnapshots snapshots;
    private final AgroalDataSource dataSource;
    private final CartOrderMapper mapper = new CartOrderMapper();

    OrderPreparer(StoreSnapshots snapshots, AgroalDataSource dataSource) {
        this.snapshots = snapshots;
        this.dataSource = dataSource;
    }

    /** Records in, prepared orders out, in the same order. */
    public List<PreparedOrder> prepare(List<RawOrder> records) {
        // A record's key is its store id (EventCodec.readKeyed checks it): one query for the batch's stores.
        Map<Long, Optional<StoreIntegrationChanged>> stores = new ConcurrentHashMap<>(snapshots.findAll(storeIdsOf(records)));
        List<Mapping> mappings = records.parallelStream().map(record -> readAndMap(record, stores)).toList();
        List<Mapping> mapped = mappings.stream().filter(m -> m.order() != null).toList();
        Ids ids = nextIds(mapped.size(), mapped.stream().mapToInt(m -> m.order().items().size()).sum());
        Map<Mapping, long[]> idsOf = new IdentityHashMap<>();
        for (Mapping mapping : mapped) {
            // In record order, so ids ascend in the order the orders arrived.
            long[] taken = new long[1 + mapping.order().items().size()];
            taken[0] = ids.nextOrder();
            System.arraycopy(ids.nextItems(taken.length - 1), 0, taken, 1, taken.length - 1);
            idsOf.put(mapping, taken);
        }
        return mappings.parallelStream()
                .map(m -> m.prepared() != null ? m.prepared() : PreparedOrder.mapped(m.event(), newOrder(m, idsOf.get(m))))
                .toList();
    }

    private static Set<Long> storeIdsOf(List<RawOrder> records) {
        Set<Long> storeIds = new HashSet<>();
        for (RawOrder record : records) {
            try {
                storeIds.add(Long.parseLong(record.key()));
            } catch (NumberFormatException notAStoreId) {
                // the record is malformed; reading it says how
            }
        }
        return storeIds;
    }

    /** A record's event (its ids, without the Cart.com JSON) with its store and mapped order, or what becomes of it. */
    private record Mapping(CartOrderFetched event, StoreIntegrationChanged store, MappedOrder order, PreparedOrder prepared) {
        static Mapping done(PreparedOrder prepared) {
            return new Mapping(null, null, null, prepared);
        }
    }

    private Mapping readAndMap(RawOrder record, Map<Long, Optional<StoreIntegrationChanged>> stores) {
        CartOrderFetched event;
        try {
            event = EventCodec.readKeyed(record.key(), record.value(), CartOrderFetched.class);
        } catch (MalformedEventException e) {
            return Mapping.done(PreparedOrder.unreadable(e));
        }
        Optional<StoreIntegrationChanged> store = stores.computeIfAbsent(event.storeId(), snapshots::find);
        long known = store.map(StoreIntegrationChanged::version).orElse(0L);
        if (event.storeVersion() != null && known < event.storeVersion()) {
            // Fetched under settings this importer has not received yet (another topic): not to be judged by older ones.
            return Mapping.done(PreparedOrder.storeBehind(event, known));
        }
        if (store.isEmpty()) {
            return Mapping.done(PreparedOrder.rejected(event, new MalformedEventException("unknown store " + event.storeId())));
        }
        if (!store.get().active()) {
            return Mapping.done(PreparedOrder.rejected(event, new MalformedEventException(
                    "store " + event.storeId() + " is not active (disconnected or disabled)")));
        }
        try {
            return new Mapping(withoutJson(event), store.get(), mapper.map(event, store.get()), null);
        } catch (MalformedEventException e) {
            return Mapping.done(PreparedOrder.unmappable(event, e));
        }
    }

    /** The event's ids and dates without the Cart.com JSON trees, which are most of a batch's memory. */
    private static CartOrderFetched withoutJson(CartOrderFetched e) {
        return new CartOrderFetched(e.eventId(), e.eventType(), e.schemaVersion(), e.occurredAt(), e.storeId(),
                e.cartOrderId(), e.importId(), e.fetchedAt(), null, null, null, null, e.storeVersion());
    }

    private static NewOrder newOrder(Mapping mapping, long[] ids) {
        return new NewOrder(ids[0], Arrays.copyOfRange(ids, 1, ids.length), mapping.event().storeId(),
                mapping.event().importId(), mapping.store().afterImportStatusId(), mapping.order());
    }

    /** Ids for the batch's orders and items in one round trip, handed out in ascending order. */
    private Ids nextIds(int orders, int items) {
        if (orders == 0) {
            return new Ids(new long[0], new long[0]);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(NEXT_IDS)) {
            select.setInt(1, orders);
            select.setInt(2, items);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Ids(sorted((Long[]) rs.getArray(1).getArray()), sorted((Long[]) rs.getArray(2).getArray()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take ids for " + orders + " orders: " + e.getMessage(), e);
        }
    }

    private static long[] sorted(Long[] values) {
        long[] sorted = Arrays.stream(values).mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static final class Ids {
        private final long[] orders;
        private final long[] items;
        private int order;
        private int item;

        Ids(long[] orders, long[] items) {
            this.orders = orders;
            this.items = items;
        }

        long nextOrder() {
            return orders[order++];
        }

        long[] nextItems(int count) {
            long[] taken = Arrays.copyOfRange(items, item, item + count);
            item += count;
            return taken;
        }
    }
}
