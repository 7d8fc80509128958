package com.orderdesk.cartcom.kit.auth;

/** The roles a caller's identity can carry. */
public final class Roles {
    /** An operator with the admin token: provisions stores. */
    public static final String ADMIN = "admin";
    /** The holder of one store's API key; the identity's name is the store id. */
    public static final String STORE = "store";

    private Roles() {
    }
}
