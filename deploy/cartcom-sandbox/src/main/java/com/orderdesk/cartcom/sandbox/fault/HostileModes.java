package com.orderdesk.cartcom.sandbox.fault;

/** The hostile modes one store's API is in: {@link HostileSettings#NONE} while it is healthy. */
public final class HostileModes implements Misbehaviour<HostileSettings> {

    private volatile HostileSettings settings = HostileSettings.NONE;

    @Override
    public HostileSettings settings() {
        return settings;
    }

    @Override
    public void configure(HostileSettings settings) {
        this.settings = settings;
    }

    @Override
    public void clear() {
        settings = HostileSettings.NONE;
    }
}
