package com.orderdesk.cartcom.kit.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code cartcom.allow-insecure-base-url} is for the local sandbox and tests only: under the prod profile a service
 * refuses to start with it, so a production deployment can neither call stores over plain http nor skip the
 * public-address check. The local run and the packaged-service tests run under the {@code local} profile.
 */
@ApplicationScoped
public class InsecureBaseUrlGuard {
    static final String PROD = "prod";

    void check(@Observes StartupEvent started, CartcomConfig config) {
        refuseInProd(config.allowInsecureBaseUrl(), ConfigUtils.isProfileActive(PROD));
    }

    static void refuseInProd(boolean allowInsecure, boolean prodProfile) {
        if (allowInsecure && prodProfile) {
            throw new IllegalStateException("cartcom.allow-insecure-base-url=true is refused under the prod profile: "
                    + "it is for the local sandbox and tests (run them with -Dquarkus.profile=local)");
        }
    }
}
