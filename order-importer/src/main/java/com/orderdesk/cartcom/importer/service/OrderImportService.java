package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.MalformedEventException;
import com.orderdesk.cartcom.model.events.Topics;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Imports prepared orders ({@link OrderPreparer}) exactly once, a batch per transaction: the orders and their
 * items, the pending "After Import, Set Status" updates, and the OrderImported and activity events (outbox), in
 * record order. The unique key (store, Cart.com order) is the dedupe: an order already in the database, or
 * created earlier in the same batch, imports nothing (a manual import hears it was skipped). It also guards
 * against another instance importing the same order at the same moment: then the batch fails as a whole, and
 * the caller imports its records one by one, where the order is found and skipped.
 */
@ApplicationScoped
public class OrderImportService {
    private static final Logger LOG = Logger.getLogger(OrderImportService.class);

    private final AgroalDataSource dataSource;

    OrderImportService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the batch does with one order, decided in the transaction before anything is written. */
    private sealed interface Step permits Reject, Create, Skip {
    }

    private record Reject(MalformedEventException reason) implements Step {
    }

    private record Create(NewOrder order) implements Step {
    }

    /** Imported already, before or by this batch. */
    private record Skip(PreparedOrder prepared, OrderRef order) implements Step {
    }

    /**
     * Imports the batch in one transaction; one outcome per order, in order. A rejected order (unreadable, unknown or
     * inactive store, an order that cannot map) writes nothing and does not stop the others. Any other failure rolls
     * the whole batch back and is thrown.
     */
    @Transactional
    public List<ImportOutcome> importAll(List<PreparedOrder> orders) {
        Set<OrderRef.Key> keys = new LinkedHashSet<>();
        for (PreparedOrder order : orders) {
            if (order.neverImports() == null) {
                keys.add(order.key());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Step> steps = plan(orders, NewOrderRows.findExisting(connection, keys));
            NewOrderRows.insert(connection, steps.stream().filter(Create.class::isInstance)
                    .map(step -> ((Create) step).order()).toList());
            Outbox.addBatch(connection, outboxEvents(steps));
            return outcomes(steps);
        } catch (SQLException e) {
            throw new IllegalStateException("import of " + orders.size() + " orders failed: " + describe(e), e);
        }
    }

    /** In record order, so a duplicate refers to the first record of its key and an unmappable one leaves it free. */
    private static List<Step> plan(List<PreparedOrder> orders, Map<OrderRef.Key, ? extends OrderRef> existing) {
        Map<OrderRef.Key, OrderRef> imported = new HashMap<>(existing);
        List<Step> steps = new ArrayList<>(orders.size());
        for (PreparedOrder prepared : orders) {
            if (prepared.neverImports() != null) {
                steps.add(new Reject(prepared.neverImports()));
                continue;
            }
            OrderRef already = imported.get(prepared.key());
            if (already != null) {
                LOG.debugf("Cart.com order %d of store %d is already imported", prepared.cartOrderId(), prepared.storeId());
                steps.add(new Skip(prepared, already));
            } else if (prepared.unmappable() != null) {
                steps.add(new Reject(prepared.unmappable()));
            } else {
                imported.put(prepared.key(), prepared.order());
                steps.add(new Create(prepared.order()));
            }
        }
        return steps;
    }

    /** In record order: the relay sends a store's events in the order its records arrived. */
    private static List<Outbox.Row> outboxEvents(List<Step> steps) {
        List<Outbox.Row> outbox = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Create create) {
                outbox.addAll(create.order().events);
            } else if (step instanceof Skip skip && skip.prepared().importId() != null) {
                // A manual import counts every order it asked for; a redelivery or poll overlap is routine.
                PreparedOrder prepared = skip.prepared();
                outbox.add(Outbox.Row.of(Topics.INTEGRATION_ACTIVITY, ActivityRecorded.of(prepared.storeId(),
                                ActivityKinds.ORDER_SKIPPED, ActivityRecorded.Level.info,
                                "Cart.com order " + prepared.cartOrderId() + " is already imported as " + skip.order().sourceId())
                        .withCartOrderId(prepared.cartOrderId()).withOrderId(skip.order().orderId())
                        .withImportId(prepared.importId())));
            }
        }
        return outbox;
    }

    private static List<ImportOutcome> outcomes(List<Step> steps) {
        List<ImportOutcome> outcomes = new ArrayList<>(steps.size());
        for (Step step : steps) {
            if (step instanceof Reject reject) {
                outcomes.add(ImportOutcome.rejected(reject.reason()));
            } else if (step instanceof Create create) {
                NewOrder order = create.order();
                // DEBUG: a line per order is too much at thousands of stores; importer_orders_total counts them.
                LOG.debugf("Imported Cart.com order %d of store %d as order %d (%s)", order.mapped.cartOrderId(),
                        order.storeId, order.id, order.sourceId());
                outcomes.add(ImportOutcome.IMPORTED);
            } else {
                outcomes.add(ImportOutcome.ALREADY_IMPORTED);
            }
        }
        return outcomes;
    }

    /** A failed JDBC batch says only "see getNextException"; the next exception names the row and the constraint. */
    private static String describe(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException().getMessage();
        }
        return e.getMessage();
    }
}
