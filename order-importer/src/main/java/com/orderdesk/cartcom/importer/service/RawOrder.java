package com.orderdesk.cartcom.importer.service;

/** A record of {@code cartcom.orders.raw.v1} as consumed: its key (the store id) and its value (a CartOrderFetched). */
public record RawOrder(String key, String value) {
}
