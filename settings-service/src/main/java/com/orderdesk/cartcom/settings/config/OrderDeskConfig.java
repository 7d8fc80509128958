package com.orderdesk.cartcom.settings.config;

import io.smallrye.config.ConfigMapping;

/** Order Desk platform settings. */
@ConfigMapping(prefix = "orderdesk")
public interface OrderDeskConfig {

    /** Bearer token operators use to provision stores. No default: production must configure it. */
    String adminToken();
}
