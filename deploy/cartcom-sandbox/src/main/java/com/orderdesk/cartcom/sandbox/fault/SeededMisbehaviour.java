package com.orderdesk.cartcom.sandbox.fault;

import java.util.Random;
import java.util.function.Function;

/**
 * A misbehaviour drawn call by call from a random sequence: new settings start a new sequence, the same one each time
 * they carry the same seed, so that a test can rely on which calls misbehave. Subclasses draw under this object's lock.
 *
 * @param <S> the settings, which name the seed (null: a sequence of its own each time)
 */
public abstract class SeededMisbehaviour<S> implements Misbehaviour<S> {

    private final S off;
    private final Function<S, Long> seedOf;
    private S settings;
    private Random random;

    protected SeededMisbehaviour(S off, Function<S, Long> seedOf) {
        this.off = off;
        this.seedOf = seedOf;
        configure(off);
    }

    @Override
    public final synchronized void configure(S newSettings) {
        settings = newSettings;
        Long seed = seedOf.apply(newSettings);
        random = seed == null ? new Random() : new Random(seed);
    }

    @Override
    public final synchronized void clear() {
        configure(off);
    }

    @Override
    public final synchronized S settings() {
        return settings;
    }

    /** The sequence to draw from; the caller holds this object's lock. */
    protected final Random random() {
        return random;
    }
}
