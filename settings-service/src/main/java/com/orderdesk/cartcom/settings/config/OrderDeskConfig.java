package com.orderdesk.cartcom.settings.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * Order Desk platform settings. The kit's authentication reads the admin token; this mapping only makes it required
 * here, so the service that provisions stores does not start without one. Injected nowhere, hence unremovable: an
 * unused mapping would be dropped, and with it the check.
 */
@Unremovable
@ConfigMapping(prefix = "orderdesk")
public interface OrderDeskConfig {

    /** Bearer token operators use to provision stores. No default: production must configure it. */
    String adminToken();
}
