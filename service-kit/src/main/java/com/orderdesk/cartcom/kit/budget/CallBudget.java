package com.orderdesk.cartcom.kit.budget;

/**
 * One call budget per Cart.com store, shared by every service and instance that calls it: a slot is taken before each
 * call, and what Cart.com answered is told back so that the budget follows the store's own count. A store is named by
 * its domain, as Cart.com counts: an Order Desk store reconnected to another Cart.com store starts on that one's budget.
 */
public interface CallBudget {

    /** A slot for one call of {@code kind} to the store now, or when to ask again. */
    Slot take(String domain, CallKind kind);

    /**
     * What Cart.com answered a call made with {@code slot}, when it is news ({@link Answer#newsAfter}): a 429, a limit
     * that changed, calls counted that the budget did not grant.
     */
    void answered(String domain, Slot slot, Answer answer);

    /** No budget: every call granted (tools and tests that make a client of their own). */
    CallBudget UNLIMITED = new CallBudget() {
        @Override
        public Slot take(String domain, CallKind kind) {
            return Slot.granted(0, Integer.MAX_VALUE);
        }

        @Override
        public void answered(String domain, Slot slot, Answer answer) {
        }
    };
}
