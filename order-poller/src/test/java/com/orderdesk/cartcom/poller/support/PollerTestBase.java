package com.orderdesk.cartcom.poller.support;

import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.send;
import static com.orderdesk.cartcom.poller.support.KafkaTestSupport.snapshot;
import static org.awaitility.Awaitility.await;

import com.orderdesk.cartcom.devstack.CartcomSandboxTestResource;
import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.CartOrderFetched;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.poller.support.KafkaTestSupport.TopicRecords;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the poller tests share: the devstack's real Kafka and PostgreSQL, the packaged Cart.com sandbox, and the
 * records the poller published. Test profile: every store is polled every 2 s and pages hold 2 orders.
 */
@QuarkusTestResource(value = DevStackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = DevStackTestResource.DATABASE_ARG, value = "poller"))
@QuarkusTestResource(value = CartcomSandboxTestResource.class, restrictToAnnotatedClass = false)
public abstract class PollerTestBase {
    protected static final Duration WAIT = Duration.ofSeconds(40);
    private static final AtomicLong STORE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1_000);
    private static TopicRecords raw;
    private static TopicRecords activity;

    protected static synchronized TopicRecords raw() {
        if (raw == null) {
            raw = TopicRecords.collect(Topics.ORDERS_RAW);
        }
        return raw;
    }

    protected static synchronized TopicRecords activity() {
        if (activity == null) {
            activity = TopicRecords.collect(Topics.INTEGRATION_ACTIVITY);
        }
        return activity;
    }

    protected static long newStoreId() {
        return STORE_IDS.incrementAndGet();
    }

    /** Publishes an enabled snapshot of the sandbox store, downloading {@code statuses}; returns the store id. */
    protected static long connect(SandboxStores.Store store, List<Long> statuses) {
        long storeId = newStoreId();
        send(Topics.STORE_SETTINGS, snapshot(storeId, 1, true, store.domain(), store.token(), statuses));
        return storeId;
    }

    protected static List<CartOrderFetched> published(long storeId) {
        return raw().events(storeId, CartOrderFetched.class);
    }

    protected static List<ActivityRecorded> activities(long storeId) {
        return activity().events(storeId, ActivityRecorded.class);
    }

    protected static long pollActivities(long storeId, long ordersFound) {
        return activities(storeId).stream()
                .filter(e -> e.kind().equals("poll") && Long.valueOf(ordersFound).equals(e.counts().get("ordersFound"))).count();
    }

    /** Waits for {@code more} further polls that found {@code ordersFound} orders. */
    protected static void awaitPolls(long storeId, long ordersFound, int more) {
        long before = pollActivities(storeId, ordersFound);
        await().atMost(WAIT).until(() -> pollActivities(storeId, ordersFound) >= before + more);
    }
}
