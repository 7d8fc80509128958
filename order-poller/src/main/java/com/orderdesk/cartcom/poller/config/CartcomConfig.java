package com.orderdesk.cartcom.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where Cart.com lives and how its tokens are opened ({@code cartcom.*}, keys of CONTRACTS.md "Operations"). */
@ConfigMapping(prefix = "cartcom")
public interface CartcomConfig {

    @WithDefault("https://{domain}/api/v1")
    String baseUrlTemplate();

    @WithDefault("false")
    boolean allowInsecureBaseUrl();

    /** {@code id:base64,id:base64}; no default: production gets it from the environment. */
    String tokenKeys();

    String tokenKeyId();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /**
     * The longest one Cart.com call may take, answer body included (a store that hangs fails with a timeout after
     * this); timeouts are not retried within the poll.
     */
    @WithDefault("PT30S")
    Duration requestTimeout();
}
