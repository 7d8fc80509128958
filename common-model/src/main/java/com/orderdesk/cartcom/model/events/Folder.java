package com.orderdesk.cartcom.model.events;

/** An Order Desk folder of a store, as carried in the store snapshot. */
public record Folder(long id, String name) {
}
