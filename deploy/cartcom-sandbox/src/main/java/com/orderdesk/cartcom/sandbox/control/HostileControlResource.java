package com.orderdesk.cartcom.sandbox.control;

import com.orderdesk.cartcom.sandbox.fault.HostileSettings;
import com.orderdesk.cartcom.sandbox.store.SandboxStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Makes one store's Cart.com API a hostile or broken server on every call (see {@link HostileSettings});
 * other stores on the sandbox stay healthy. PUT replaces all modes, DELETE switches them off.
 */
@Path("/_sandbox/stores/{domain}/hostile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostileControlResource extends StoreMisbehaviourResource<HostileSettings, HostileSettings> {

    public HostileControlResource(ControlStores stores) {
        super(stores, SandboxStore::hostile);
    }

    /** The body is the settings themselves: a mode it leaves out is off. */
    @Override
    protected HostileSettings settings(HostileSettings request) {
        return request;
    }
}
