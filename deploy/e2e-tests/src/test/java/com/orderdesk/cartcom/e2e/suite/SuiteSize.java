package com.orderdesk.cartcom.e2e.suite;

/**
 * How big a suite run is. CI runs the short size; the full sizes of issue 7 are a system property away
 * (docs/testing.md): {@code -Dsuite.stores=50 -Dsuite.ordersPerStore=100 -Dsuite.shippedShare=0.4 -Dsuite.kills=16}.
 */
record SuiteSize(int stores, int ordersPerStore, double shippedShare, int kills) {

    static SuiteSize fromSystemProperties(int stores, int ordersPerStore, double shippedShare, int kills) {
        return new SuiteSize(
                Integer.getInteger("suite.stores", stores),
                Integer.getInteger("suite.ordersPerStore", ordersPerStore),
                Double.parseDouble(System.getProperty("suite.shippedShare", Double.toString(shippedShare))),
                Integer.getInteger("suite.kills", kills));
    }

    int orders() {
        return stores * ordersPerStore;
    }

    /** Whether an order is one of those the run ships: a fixed share, spread over every store. */
    boolean ships(long cartOrderId) {
        return Math.floorMod(cartOrderId * 2654435761L, 1000) < shippedShare * 1000;
    }
}
