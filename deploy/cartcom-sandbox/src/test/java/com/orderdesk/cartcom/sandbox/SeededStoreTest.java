package com.orderdesk.cartcom.sandbox;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Base of tests that each start from a fresh store with the same seeded orders, so no test sees another's changes. */
abstract class SeededStoreTest {

    private final int orderCount;
    private final long seed;
    protected SandboxClient.Store store;
    /** The seeded orders' ids, oldest first. */
    protected List<Long> ids;

    protected SeededStoreTest(int orderCount, long seed) {
        this.orderCount = orderCount;
        this.seed = seed;
    }

    @BeforeEach
    void seedOrders() {
        store = SandboxClient.newStore();
        ids = store.seed(orderCount, seed);
    }
}
