package com.orderdesk.cartcom.shipments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where Cart.com is and how to open the stores' access tokens (keys of CONTRACTS.md "Operations"). */
@ConfigMapping(prefix = "cartcom")
public interface CartcomConfig {

    @WithDefault("https://{domain}/api/v1")
    String baseUrlTemplate();

    /** Only the sandbox and tests set this: it permits a non-https base URL. */
    @WithDefault("false")
    boolean allowInsecureBaseUrl();

    /** {@code id:base64,id:base64}; no default, so a deployment without keys does not start. */
    String tokenKeys();

    String tokenKeyId();

    @WithDefault("PT5S")
    Duration connectTimeout();

    @WithDefault("PT20S")
    Duration requestTimeout();
}
