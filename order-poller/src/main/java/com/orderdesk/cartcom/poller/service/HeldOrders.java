package com.orderdesk.cartcom.poller.service;

import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import com.orderdesk.cartcom.kit.cartcom.CartcomStoreApi;
import com.orderdesk.cartcom.kit.retry.Backoff;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.poller.client.CartcomOrderSource;
import com.orderdesk.cartcom.poller.client.FetchedOrder;
import com.orderdesk.cartcom.poller.client.ListedOrder;
import com.orderdesk.cartcom.poller.config.PollerConfig;
import com.orderdesk.cartcom.poller.publisher.RawOrderPublisher;
import com.orderdesk.cartcom.poller.repository.HeldOrderRepository;
import com.orderdesk.cartcom.poller.repository.HeldOrderRepository.HeldOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Orders Cart.com did not give whole (an address or the customer not found by select_many, items missing although
 * asked) are held instead of published blank. This decides each attempt's next time and when the merchant is told,
 * and retries a store's due held orders by id at the end of its polls.
 *
 * <p>The first retry is due at once, so it comes at the end of the poll that met the order: a store that lists orders
 * without their items (live stores do) gives them by id, and an order placed a moment ago must not wait a backoff
 * for a call that would have found it whole. Later retries wait {@code poller.held-order-retry-initial} doubling to
 * the poll backoff's cap, and the store's next poll comes when one is due (PollScheduleRepository).
 */
@ApplicationScoped
public class HeldOrders {
    private final HeldOrderRepository held;
    private final CartcomOrderSource source;
    private final RawOrderPublisher publisher;
    private final PollOutcomes outcomes;
    private final PollerConfig config;
    private final Backoff backoff;

    public HeldOrders(HeldOrderRepository held, CartcomOrderSource source, RawOrderPublisher publisher,
                      PollOutcomes outcomes, PollerConfig config) {
        this.held = held;
        this.source = source;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.config = config;
        this.backoff = config.heldOrderBackoff();
    }

    /** The first attempts of the orders of a page that Cart.com did not give whole. */
    List<HeldAttempt> firstAttempts(List<FetchedOrder> page) {
        return page.stream().filter(o -> !o.whole()).map(o -> attempt(o, 1)).toList();
    }

    /** The attempt number {@code attempts} of an order found still not whole: the first is tried again at once. */
    private HeldAttempt attempt(FetchedOrder order, int attempts) {
        Duration retryIn = attempts == 1 ? Duration.ZERO : backoff.after(attempts - 1, Optional.empty());
        return new HeldAttempt(order.id(), order.missing(), attempts, retryIn, attempts == config.heldOrderReportAfter());
    }

    /**
     * Fetches the store's due held orders again (the order by id with its expansions, then one select_many each for
     * their addresses and customers) and publishes the ones now whole. Returns how many were published, or -1 if
     * the lease was lost.
     */
    long retryDue(long storeId, String owner, StoreIntegrationChanged snapshot, CartcomStoreApi api) {
        List<HeldOrder> due = held.due(storeId, config.heldOrdersPerPoll());
        if (due.isEmpty()) {
            return 0;
        }
        ZoneId zone = CartcomDates.zoneOf(snapshot);
        List<ListedOrder> again = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        for (HeldOrder order : due) {
            // Deleted at Cart.com, or moved out of the download statuses meanwhile: a poll would not publish it now.
            source.byId(api, order.cartOrderId(), zone)
                    .filter(o -> snapshot.downloadStatusIds().contains(o.order().path("order_status_id").asLong()))
                    .ifPresentOrElse(again::add, () -> gone.add(order.cartOrderId()));
        }
        List<FetchedOrder> fetched = source.complete(api, again);
        List<FetchedOrder> whole = publisher.publishWhole(fetched, snapshot, null);
        List<HeldAttempt> stillHeld = new ArrayList<>();
        for (FetchedOrder order : fetched) {
            if (!order.whole()) {
                int attempts = due.stream().filter(h -> h.cartOrderId() == order.id()).findFirst().orElseThrow().attempts();
                stillHeld.add(attempt(order, attempts + 1));
            }
        }
        return outcomes.heldRetried(storeId, owner, whole, gone, stillHeld) ? whole.size() : -1;
    }
}
