package com.orderdesk.cartcom.poller.support;

import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.send;
import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.snapshot;
import static org.awaitility.Awaitility.await;

import com.orderdesk.cartcom.model.events.Topics;
import java.util.List;

/**
 * A store connected only to mark time in the poller's own terms, for checks that something does NOT happen to
 * another store: every store is polled on the same 2 s test interval by the same dispatcher, so once the marker,
 * connected after the event under test, has been polled a few more times, a poll of the other store that was going
 * to come has come. Waits for a positive sign instead of a fixed sleep.
 */
public final class PollMarker {
    private final SandboxStores.Store store;

    private PollMarker(SandboxStores.Store store) {
        this.store = store;
    }

    /** Connects a fresh, healthy sandbox store; its first poll is due at once. */
    public static PollMarker connect() {
        SandboxStores.Store store = SandboxStores.create();
        long storeId = PollerTestBase.newStoreId();
        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, store.domain(), store.token(), List.of(1L)));
        return new PollMarker(store);
    }

    /** Waits until the marker has been polled {@code more} times beyond the polls seen so far. */
    public void awaitMorePolls(int more) {
        int target = polls() + more;
        await().atMost(PollerTestBase.WAIT).until(() -> polls() >= target);
    }

    private int polls() {
        return SandboxStores.listCalls(store.domain()).size();
    }
}
