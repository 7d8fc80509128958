package com.orderdesk.cartcom.sandbox.seed;

import com.orderdesk.cartcom.sandbox.store.OddDate;
import com.orderdesk.cartcom.sandbox.store.StoredOrder;
import java.util.Set;

/**
 * How a new order is listed in the real-world shapes that bend the answer, not the order: odd dates
 * ({@link RealWorldShape#ODD_DATES}) and items left out of list pages ({@link RealWorldShape#EXPAND_IGNORED}).
 * Deterministic by the order's place in the store (its n-th order), so tests know which orders are odd.
 */
final class RealWorldListing {

    private RealWorldListing() {
    }

    static void apply(StoredOrder order, int nth, Set<RealWorldShape> shapes) {
        if (shapes.contains(RealWorldShape.ODD_DATES) && nth % 5 == 0) {
            OddDate form = OddDate.values()[(nth / 5 - 1) % OddDate.values().length];
            order.shownAs.put("updated_at", form);
            order.shownAs.put("ordered_at", form);
        }
        if (shapes.contains(RealWorldShape.EXPAND_IGNORED) && nth % 4 == 0) {
            order.itemsNotListed = true;
        }
    }
}
