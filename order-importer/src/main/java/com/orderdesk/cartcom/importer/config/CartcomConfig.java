package com.orderdesk.cartcom.importer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How to reach Cart.com and open the stores' sealed access tokens (keys of CONTRACTS.md "Operations"). */
@ConfigMapping(prefix = "cartcom")
public interface CartcomConfig {
    @WithDefault("https://{domain}/api/v1")
    String baseUrlTemplate();

    @WithName("allow-insecure-base-url")
    @WithDefault("false")
    boolean allowInsecureBaseUrl();

    /** {@code id:base64,id:base64}; no default, a deployment must provide it. */
    String tokenKeys();

    String tokenKeyId();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("20s")
    Duration requestTimeout();
}
