package com.orderdesk.cartcom.sandbox.fault;

/**
 * One way a store can be made to misbehave through the control API (its faults, its hostile modes, its webhook
 * faults): the settings in force, replaced as a whole or switched off. The control routes of every kind are the same
 * ({@code control.StoreMisbehaviourResource}); only the settings differ.
 *
 * @param <S> the settings, off until configured
 */
public interface Misbehaviour<S> {

    S settings();

    void configure(S settings);

    /** Back to behaving: the settings that switch every mode off. */
    void clear();
}
