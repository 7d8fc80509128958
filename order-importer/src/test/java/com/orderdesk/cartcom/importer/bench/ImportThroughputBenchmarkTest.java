package com.orderdesk.cartcom.importer.bench;

import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.importer.mapping.CartOrderMapper;
import com.orderdesk.cartcom.importer.mapping.MappedOrder;
import com.orderdesk.cartcom.importer.entity.JsonColumns;
import com.orderdesk.cartcom.importer.support.CartcomFixtures;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.EventCodec;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Imported orders per second from {@code cartcom.orders.raw.v1} to committed rows, and in the same run the ceiling:
 * plain batched JDBC inserts of the same order and item rows into the same PostgreSQL. Prints a table; asserts
 * nothing about speed. Run: {@code mvn -B -o -pl order-importer test -Pbench [-Dbench.orders=5000 -Dbench.stores=20]}.
 */
@QuarkusTest
@Tag("bench")
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "importer"))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = true)
class ImportThroughputBenchmarkTest {
    private static final int ORDERS = Integer.getInteger("bench.orders", 5000);
    private static final int STORES = Integer.getInteger("bench.stores", 20);
    private static final int BATCH = 500;

    @Inject
    TokenCrypto crypto;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void importedOrdersPerSecondAgainstPlainInserts() throws Exception {
        long firstStore = System.currentTimeMillis() % 10_000_000L * 1000 + 900_000_000_000L;
        List<StoreIntegrationChanged> stores = new ArrayList<>();
        List<CartOrderFetched> orders = new ArrayList<>();
        for (int s = 0; s < STORES; s++) {
            stores.add(CartcomFixtures.store(firstStore + s, 1, ApiKeys.generate(), "token", crypto, null));
        }
        for (int i = 0; i < ORDERS; i++) {
            orders.add(CartcomFixtures.fetched(firstStore + i % STORES, 1_000_000 + i, null));
        }
        List<String> records = orders.stream().map(EventCodec::write).toList();

        double imported;
        try (KafkaProducer<String, String> producer = producer()) {
            for (StoreIntegrationChanged store : stores) {
                producer.send(new ProducerRecord<>(Topics.STORE_SETTINGS, String.valueOf(store.storeId()), EventCodec.write(store)));
            }
            producer.flush();
            Thread.sleep(3000); // the importer knows the stores before their orders arrive
            long start = System.nanoTime();
            for (int i = 0; i < ORDERS; i++) {
                producer.send(new ProducerRecord<>(Topics.ORDERS_RAW, String.valueOf(orders.get(i).storeId()), records.get(i)));
            }
            producer.flush();
            while (countOrders(firstStore, firstStore + STORES - 1) < ORDERS) {
                Thread.sleep(50);
            }
            imported = ORDERS / ((System.nanoTime() - start) / 1e9);
        }

        // The ceiling: the same rows (order + items), mapped up front, inserted in batches under other store ids.
        CartOrderMapper mapper = new CartOrderMapper();
        List<MappedOrder> mapped = new ArrayList<>();
        for (CartOrderFetched order : orders) {
            mapped.add(mapper.map(order, stores.get((int) (order.storeId() - firstStore))));
        }
        long ceilingStore = firstStore + STORES;
        long start = System.nanoTime();
        insertPlain(ceilingStore, mapped);
        double plain = ORDERS / ((System.nanoTime() - start) / 1e9);

        System.out.printf("%n| measure (%d orders, %d stores, 2 items each) | orders/s |%n|---|---:|%n", ORDERS, STORES);
        System.out.printf("| importer: raw topic -> committed rows (order, items, outbox x2) | %.0f |%n", imported);
        System.out.printf("| ceiling: plain batched JDBC inserts (order, items), batch %d | %.0f |%n", BATCH, plain);
        System.out.printf("| importer / ceiling | %.0f%% |%n%n", 100 * imported / plain);
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private long countOrders(long fromStore, long toStore) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM od_order WHERE store_id BETWEEN ? AND ?")) {
            s.setLong(1, fromStore);
            s.setLong(2, toStore);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insertPlain(long storeId, List<MappedOrder> orders) throws Exception {
        String orderSql = "INSERT INTO od_order (store_id, cart_order_id, source_id, source_name, folder_id, email, "
                + "shipping_method, quantity_total, weight_total, product_total, shipping_total, handling_total, tax_total, "
                + "discount_total, order_total, payment_type, payment_status, date_added, date_updated, shipping, customer, "
                + "order_notes, checkout_data, order_metadata) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String itemSql = "INSERT INTO od_order_item (order_id, position, cart_item_id, name, code, price, quantity, weight, "
                + "variation_list, metadata) VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < orders.size(); from += BATCH) {
                List<MappedOrder> batch = orders.subList(from, Math.min(orders.size(), from + BATCH));
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement order = c.prepareStatement(orderSql, Statement.RETURN_GENERATED_KEYS)) {
                    for (MappedOrder o : batch) {
                        int p = 1;
                        order.setLong(p++, storeId);
                        order.setLong(p++, o.cartOrderId());
                        order.setString(p++, o.sourceId());
                        order.setString(p++, o.sourceName());
                        order.setLong(p++, o.folderId());
                        order.setString(p++, o.email());
                        order.setString(p++, o.shippingMethod());
                        order.setInt(p++, o.quantityTotal());
                        order.setBigDecimal(p++, o.weightTotal());
                        order.setBigDecimal(p++, o.productTotal());
                        order.setBigDecimal(p++, o.shippingTotal());
                        order.setBigDecimal(p++, o.handlingTotal());
                        order.setBigDecimal(p++, o.taxTotal());
                        order.setBigDecimal(p++, o.discountTotal());
                        order.setBigDecimal(p++, o.orderTotal());
                        order.setString(p++, o.paymentType());
                        order.setString(p++, o.paymentStatus());
                        order.setTimestamp(p++, Timestamp.from(o.dateAdded()));
                        order.setTimestamp(p++, Timestamp.from(Instant.now()));
                        order.setString(p++, JsonColumns.write(o.shipping()));
                        order.setString(p++, JsonColumns.write(o.customer()));
                        order.setString(p++, JsonColumns.write(o.orderNotes()));
                        order.setString(p++, JsonColumns.write(o.checkoutData()));
                        order.setString(p, JsonColumns.write(o.orderMetadata()));
                        order.addBatch();
                    }
                    order.executeBatch();
                    try (ResultSet keys = order.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                }
                try (PreparedStatement item = c.prepareStatement(itemSql)) {
                    for (int i = 0; i < batch.size(); i++) {
                        int position = 0;
                        for (MappedOrder.Item it : batch.get(i).items()) {
                            item.setLong(1, ids.get(i));
                            item.setInt(2, position++);
                            item.setLong(3, it.cartItemId());
                            item.setString(4, it.name());
                            item.setString(5, it.code());
                            item.setBigDecimal(6, it.price());
                            item.setInt(7, it.quantity());
                            item.setBigDecimal(8, it.weight());
                            item.setString(9, JsonColumns.write(it.variationList()));
                            item.setString(10, JsonColumns.write(it.metadata()));
                            item.addBatch();
                        }
                    }
                    item.executeBatch();
                }
                c.commit();
            }
        }
    }
}
