package com.orderdesk.cartcom.shipments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.shipments.repository.ClaimedShipment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The shipment table's own statements, where a flow test cannot make their edge cases happen on purpose. */
@QuarkusTest
class ShipmentSyncRepositoryTest extends SandboxTestBase {
    @Inject
    Sql sql;

    /**
     * The worker gives back the shipments of the stores beyond its free threads untried (StoreLanes): each becomes due
     * at the time given with its claim not counted as an attempt, while a shipment whose lease another worker took over
     * meanwhile (its attempts moved on) is not touched.
     */
    @Test
    void releaseGivesClaimedShipmentsBackUntriedButNotOnesWhoseLeaseWasLost() {
        long storeId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        long first = leased(storeId, 1);
        long second = leased(storeId, 3);
        long lostLease = leased(storeId, 2);
        // Due in a day, so that no worker of this service claims the rows while the test reads them.
        Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

        int released = shipments.release(List.of(claimed(first, storeId, 1), claimed(second, storeId, 3),
                claimed(lostLease, storeId, 1)), at);

        assertEquals(2, released);
        assertEquals(new Row(0, at), row(first));
        assertEquals(new Row(2, at), row(second));
        assertEquals(2, row(lostLease).attempts(), "a lease lost to another worker stays with it");
        assertEquals(0, shipments.release(List.of(), at));
    }

    /** A pending shipment as a claim leaves it: {@code attempts} counted, leased for an hour. */
    private long leased(long storeId, int attempts) {
        long shipmentId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        sql.update("INSERT INTO shipment_sync (shipment_id, store_id, order_id, payload, state, attempts, next_attempt_at)"
                + " VALUES (?, ?, ?, '{}', 'pending', ?, now() + interval '1 hour')", shipmentId, storeId, shipmentId, attempts);
        return shipmentId;
    }

    private static ClaimedShipment claimed(long shipmentId, long storeId, int attempts) {
        return new ClaimedShipment(shipmentId, storeId, shipmentId, "{}", attempts);
    }

    private Row row(long shipmentId) {
        return sql.queryFirst("SELECT attempts, next_attempt_at FROM shipment_sync WHERE shipment_id = ?",
                rs -> new Row(rs.getInt(1), Sql.instant(rs, 2)), shipmentId).orElseThrow();
    }

    private record Row(int attempts, Instant nextAttemptAt) {
    }
}
