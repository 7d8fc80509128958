package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.store.RecordNotFoundException;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import com.orderdesk.cartcom.sandbox.store.StoreRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Store lookup for control routes (an unknown domain is a 404), and the time their changes are stamped with. */
@ApplicationScoped
public class ControlStores {

    private final StoreRegistry registry;

    public ControlStores(StoreRegistry registry) {
        this.registry = registry;
    }

    public SandboxStore require(String domain) {
        return registry.find(domain).orElseThrow(() -> new RecordNotFoundException("No store " + domain));
    }

    public Instant now() {
        return registry.now();
    }
}
