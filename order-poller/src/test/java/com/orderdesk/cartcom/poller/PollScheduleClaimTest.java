package com.orderdesk.cartcom.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.poller.repository.ClaimedStore;
import com.orderdesk.cartcom.poller.repository.HeldOrderRepository;
import com.orderdesk.cartcom.poller.repository.PollScheduleRepository;
import com.orderdesk.cartcom.poller.service.PollingSwitch;
import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The claim query with several claimants at once, as several poller instances would run it. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "poller"))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = false)
class PollScheduleClaimTest {
    private static final int STORES = 60;

    @Inject
    PollScheduleRepository repository;
    @Inject
    HeldOrderRepository heldOrders;
    @Inject
    PollingSwitch pollingSwitch;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentClaimsNeverTakeTheSameStoreAndExpiredLeasesAreTakenOver() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(2_000_000, 9_000_000) * 1_000;
        Set<Long> mine = LongStream.range(base, base + STORES).boxed().collect(Collectors.toSet());
        pollingSwitch.hold(); // this instance's scheduler must not be a claimant here
        try {
            QuarkusTransaction.requiringNew().run(() -> mine.forEach(id -> repository.applySnapshot(id, 1, true, true)));

            int claimants = 4;
            ExecutorService pool = Executors.newFixedThreadPool(claimants);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<ClaimedStore>>> results = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                String owner = "claim-test-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    List<ClaimedStore> all = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        all.addAll(repository.claimDue(owner, Duration.ofMinutes(1), 7));
                    }
                    return all;
                }));
            }
            go.countDown();
            Map<Long, List<String>> owners = new HashMap<>();
            for (int i = 0; i < claimants; i++) {
                for (ClaimedStore claimed : results.get(i).get()) {
                    owners.computeIfAbsent(claimed.storeId(), id -> new ArrayList<>()).add("claim-test-" + i);
                }
            }
            pool.shutdown();
            owners.keySet().retainAll(mine);
            assertTrue(owners.size() > 0);
            owners.forEach((storeId, claimedBy) -> {
                assertEquals(1, claimedBy.size(), "store " + storeId + " claimed by " + claimedBy);
                assertEquals(claimedBy.get(0), repository.find(storeId).orElseThrow().leaseOwner());
            });

            // The rest goes to a late claimant; none of the leased ones do.
            Set<Long> late = claimedAmong(repository.claimDue("claim-test-late", Duration.ofMinutes(1), 1000), mine);
            assertTrue(late.stream().noneMatch(owners::containsKey));
            assertEquals(STORES, owners.size() + late.size());
            assertTrue(claimedAmong(repository.claimDue("claim-test-again", Duration.ofMinutes(1), 1000), mine).isEmpty(),
                    "live leases are not taken");

            // An instance died: its lease lapses and another instance takes the store over.
            long orphan = owners.keySet().iterator().next();
            sql("UPDATE poll_schedule SET lease_until = now() - interval '1 second' WHERE store_id = " + orphan);
            assertEquals(Set.of(orphan), claimedAmong(repository.claimDue("claim-test-takeover", Duration.ofMinutes(1), 1000), mine));
            assertEquals("claim-test-takeover", repository.find(orphan).orElseThrow().leaseOwner());
        } finally {
            sql("DELETE FROM poll_schedule WHERE store_id BETWEEN " + base + " AND " + (base + STORES));
            // Other tests' stores this test may have claimed go back to the scheduler.
            sql("UPDATE poll_schedule SET lease_owner = NULL, lease_until = NULL WHERE lease_owner LIKE 'claim-test-%'");
            pollingSwitch.release();
        }
    }

    /**
     * The next poll is due one interval after this one was due, however long it waited for a worker and took: the
     * interval is what the merchant chose. A poll an interval late, or a walk left unfinished, counts from now. A held
     * order due for its next attempt before the interval brings the next poll (held orders are retried at a poll's end).
     */
    @Test
    void theNextPollIsDueAnIntervalAfterThisOneWasDue() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(2_000_000, 9_000_000) * 1_000;
        long onTime = base;
        long intervalLate = base + 1;
        long walkUnfinished = base + 2;
        long heldOrderDue = base + 3;
        pollingSwitch.hold();
        try {
            QuarkusTransaction.requiringNew().run(() -> List.of(onTime, intervalLate, walkUnfinished, heldOrderDue)
                    .forEach(id -> repository.applySnapshot(id, 1, true, true)));
            sql("UPDATE poll_schedule SET next_poll_at = now() - interval '20 seconds' WHERE store_id IN ("
                    + onTime + ", " + walkUnfinished + ", " + heldOrderDue + ")");
            sql("UPDATE poll_schedule SET next_poll_at = now() - interval '3 minutes' WHERE store_id = " + intervalLate);
            Map<Long, ClaimedStore> claimed = repository.claimDue("claim-test-cadence", Duration.ofMinutes(1), 1000)
                    .stream().collect(Collectors.toMap(ClaimedStore::storeId, c -> c));
            Instant before = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(repository.releaseAfterSuccess(onTime, "claim-test-cadence", Duration.ofMinutes(1), false, Duration.ofSeconds(2)));
                assertTrue(repository.releaseAfterSuccess(intervalLate, "claim-test-cadence", Duration.ofMinutes(1), false, Duration.ofSeconds(2)));
                assertTrue(repository.releaseAfterSuccess(walkUnfinished, "claim-test-cadence", Duration.ofSeconds(5), true, Duration.ofSeconds(2)));
                heldOrders.hold(heldOrderDue, 42, "its customer 3", Duration.ofSeconds(10));
                assertTrue(repository.releaseAfterSuccess(heldOrderDue, "claim-test-cadence", Duration.ofMinutes(1), false, Duration.ofSeconds(2)));
            });
            Instant after = Instant.now();

            assertEquals(claimed.get(onTime).dueAt().plus(Duration.ofMinutes(1)),
                    repository.find(onTime).orElseThrow().nextPollAt());
            assertBetween(before.plus(Duration.ofMinutes(1)), after.plus(Duration.ofMinutes(1)),
                    repository.find(intervalLate).orElseThrow().nextPollAt());
            assertBetween(before.plusSeconds(5), after.plusSeconds(5), repository.find(walkUnfinished).orElseThrow().nextPollAt());
            assertBetween(before.plusSeconds(10), after.plusSeconds(10), repository.find(heldOrderDue).orElseThrow().nextPollAt());
        } finally {
            sql("DELETE FROM held_order WHERE store_id = " + heldOrderDue);
            sql("DELETE FROM poll_schedule WHERE store_id BETWEEN " + base + " AND " + (base + 3));
            sql("UPDATE poll_schedule SET lease_owner = NULL, lease_until = NULL WHERE lease_owner LIKE 'claim-test-%'");
            pollingSwitch.release();
        }
    }

    /** Database and test share the machine's clock; a second of slack for the statements in between. */
    private static void assertBetween(Instant earliest, Instant latest, Instant actual) {
        assertTrue(!actual.isBefore(earliest.minusSeconds(1)) && !actual.isAfter(latest.plusSeconds(1)),
                actual + " is not between " + earliest + " and " + latest);
    }

    private static Set<Long> claimedAmong(List<ClaimedStore> claimed, Set<Long> mine) {
        return claimed.stream().map(ClaimedStore::storeId).filter(mine::contains).collect(Collectors.toSet());
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }
}
