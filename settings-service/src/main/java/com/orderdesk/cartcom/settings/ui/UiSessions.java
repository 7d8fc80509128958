package com.orderdesk.cartcom.settings.ui;

import com.orderdesk.cartcom.kit.auth.StoreKeyHashes;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.settings.entity.UiSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions of the merchant's page. Signing in checks the store id and API key exactly as the API's authentication does
 * (the same {@link StoreKeyHashes}, compared in constant time), then hands the browser a random id (256 bits, like an
 * API key) whose hash alone is stored, with a CSRF token every form sends back. A session ends at sign-out or after
 * {@code ui.session-ttl}; expired rows are swept at each sign-in.
 */
@ApplicationScoped
public class UiSessions {
    /** A signed-in browser: the id for its cookie (shown only to it) and the stored row. */
    public record Opened(String id, UiSession session) {
    }

    private final StoreKeyHashes keyHashes;
    private final Duration ttl;
    private final Clock clock = Clock.systemUTC();

    UiSessions(StoreKeyHashes keyHashes, @ConfigProperty(name = "ui.session-ttl", defaultValue = "8h") Duration ttl) {
        this.keyHashes = keyHashes;
        this.ttl = ttl;
    }

    public Duration ttl() {
        return ttl;
    }

    /** A new session for the holder of the store's key; empty for an unknown store or a wrong key (told apart nowhere). */
    @Transactional
    public Optional<Opened> signIn(String storeIdInput, String apiKey) {
        Optional<Long> storeId = keyHashes.storeOf(storeIdInput, apiKey);
        if (storeId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UiSession.delete("expiresAt < ?1", now);
        String id = ApiKeys.generate();
        UiSession session = new UiSession();
        session.idHash = ApiKeys.hash(id);
        session.storeId = storeId.get();
        session.csrfToken = ApiKeys.generate();
        session.createdAt = now;
        session.expiresAt = now.plus(ttl);
        session.persist();
        return Optional.of(new Opened(id, session));
    }

    /** The live session the cookie names, if any. */
    @Transactional
    public Optional<UiSession> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return UiSession.<UiSession>findByIdOptional(ApiKeys.hash(id))
                .filter(session -> session.expiresAt.isAfter(clock.instant()));
    }

    @Transactional
    public void signOut(String id) {
        if (id != null && !id.isBlank()) {
            UiSession.deleteById(ApiKeys.hash(id));
        }
    }

    /** The form's token is the session's, compared in constant time. */
    public static boolean csrfMatches(String expected, String presented) {
        return presented != null && expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }
}
