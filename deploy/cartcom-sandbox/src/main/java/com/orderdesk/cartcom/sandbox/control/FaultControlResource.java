package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.config.SandboxConfig;
import com.orderdesk.cartcom.sandbox.fault.FaultSettings;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Makes a store's Cart.com API misbehave on a share of calls; the control API itself never does. PUT replaces the
 * store's faults as a whole (a seed makes the sequence of faults repeatable), DELETE clears them.
 */
@Path("/_sandbox/stores/{domain}/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FaultControlResource extends StoreMisbehaviourResource<FaultSettings, FaultRequest> {

    private final SandboxConfig config;

    public FaultControlResource(ControlStores stores, SandboxConfig config) {
        super(stores, SandboxStore::faults);
        this.config = config;
    }

    @Override
    protected FaultSettings settings(FaultRequest r) {
        return new FaultSettings(or(r.latencyMs(), 0L), or(r.errorRate(), 0d), or(r.rateLimitedRate(), 0d),
                or(r.timeoutRate(), 0d), or(r.timeoutMs(), config.defaultTimeoutMs()), or(r.malformedRate(), 0d),
                r.seed());
    }
}
