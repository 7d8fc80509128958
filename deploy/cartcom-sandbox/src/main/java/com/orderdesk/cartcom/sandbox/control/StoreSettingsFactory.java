package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import java.util.Set;
import com.orderdesk.cartcom.sandbox.config.SandboxConfig;
import com.orderdesk.cartcom.sandbox.ratelimit.Plan;
import com.orderdesk.cartcom.sandbox.ratelimit.RetryAfterFormat;
import com.orderdesk.cartcom.sandbox.store.StoreSettings;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a control request into store settings, on top of the configured defaults or a store's current ones. */
@ApplicationScoped
public class StoreSettingsFactory {

    private final SandboxConfig config;

    public StoreSettingsFactory(SandboxConfig config) {
        this.config = config;
    }

    public StoreSettings defaults() {
        Plan plan = Plan.parse(config.defaultPlan());
        return new StoreSettings(plan, plan.callsPerWindow(), config.windowSeconds(), config.defaultUtcOffset(),
                StoreSettings.parseZone(config.defaultUtcOffset()), RetryAfterFormat.parse(config.defaultRetryAfterFormat()),
                Set.of(), null);
    }

    public StoreSettings apply(StoreSettings current, StoreRequest request) {
        Plan plan = current.plan();
        int limit = current.rateLimit();
        if (request.plan() != null) {
            plan = Plan.parse(request.plan());
            limit = plan.callsPerWindow();
        }
        if (request.rateLimit() != null) {
            if (request.rateLimit() < 1) {
                throw new IllegalArgumentException("rate_limit must be at least 1");
            }
            // An explicit number wins over a plan named in the same request.
            plan = null;
            limit = request.rateLimit();
        }
        int window = current.windowSeconds();
        if (request.windowSeconds() != null) {
            if (request.windowSeconds() < 1) {
                throw new IllegalArgumentException("window_seconds must be at least 1");
            }
            window = request.windowSeconds();
        }
        Set<RealWorldShape> realWorld = request.realWorld() != null
                ? Set.copyOf(RealWorldShape.parse(request.realWorld())) : current.realWorld();
        String offset = request.utcOffset() != null ? request.utcOffset().trim() : current.utcOffset();
        if (request.utcOffset() == null && realWorld.contains(RealWorldShape.DST_ZONE)
                && offset.equals(config.defaultUtcOffset())) {
            // A store nobody gave an offset: a real one is in a zone whose offset changes twice a year.
            offset = RealWorldShape.DST_ZONE_ID;
        }
        Integer countCap = current.countCap();
        if (request.countCap() != null) {
            if (request.countCap() < 1) {
                throw new IllegalArgumentException("count_cap must be at least 1");
            }
            countCap = request.countCap();
        }
        RetryAfterFormat retryAfter = request.retryAfterFormat() != null
                ? RetryAfterFormat.parse(request.retryAfterFormat()) : current.retryAfterFormat();
        return new StoreSettings(plan, limit, window, offset, StoreSettings.parseZone(offset), retryAfter, realWorld,
                countCap);
    }
}
