package com.orderdesk.cartcom.settings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one merchant may store here, so that no store can grow what every snapshot carries to every consuming service
 * (and every outbox row) without bound. Past a limit the request is a 422 in the error shape and changes nothing.
 */
@ConfigMapping(prefix = "settings.limits")
public interface MerchantLimits {

    /** Folders per store, the defaults included: every snapshot of the store carries them all. */
    @WithDefault("100")
    int maxFoldersPerStore();

    /** Characters of an access token; Cart.com's are 32-64, and a sealed token travels in every snapshot. */
    @WithDefault("512")
    int maxAccessTokenLength();
}
