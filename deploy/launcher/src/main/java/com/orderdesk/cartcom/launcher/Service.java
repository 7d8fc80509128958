package com.orderdesk.cartcom.launcher;

import com.orderdesk.cartcom.devstack.DevStack;

/** The four services of the system: module folder, database, and the port CONTRACTS.md gives them. */
public enum Service {
    SETTINGS("settings-service", DevStack.SETTINGS_DB, 8081),
    POLLER("order-poller", DevStack.POLLER_DB, 8082),
    IMPORTER("order-importer", DevStack.IMPORTER_DB, 8083),
    SHIPMENT_SYNC("shipment-sync", DevStack.SHIPMENTS_DB, 8084);

    private final String module;
    private final String database;
    private final int defaultPort;

    Service(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
