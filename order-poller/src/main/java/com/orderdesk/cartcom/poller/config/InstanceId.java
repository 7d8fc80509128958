package com.orderdesk.cartcom.poller.config;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.UUID;

/** The lease owner name of this process: {@code poller.instance-id}, or the host name with a random suffix. */
@Singleton
public class InstanceId {
    private final String value;

    InstanceId(PollerConfig config) {
        this.value = config.instanceId().orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String value() {
        return value;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "order-poller";
        }
    }
}
