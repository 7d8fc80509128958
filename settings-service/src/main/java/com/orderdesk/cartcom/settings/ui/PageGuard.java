package com.orderdesk.cartcom.settings.ui;

import static com.orderdesk.cartcom.settings.ui.UiResponses.html;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.settings.entity.UiSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every request of the merchant's page passes before it does anything: a live session (the store is the
 * session's, never the URL's) and, for a change, the session's CSRF token and this page's origin. Refusals are HTML,
 * never the API's JSON error shape: nothing is thrown to the kit's mappers.
 */
@ApplicationScoped
public class PageGuard {
    private final UiSessions sessions;
    private final Template refused;

    PageGuard(UiSessions sessions, @Location("ui/refused.html") Template refused) {
        this.sessions = sessions;
        this.refused = refused;
    }

    /** A GET of a panel: without a session 401 (the page's script then signs in again); an API refusal, its status. */
    public Response panel(String sessionId, Function<UiSession, String> body) {
        Optional<UiSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return html(401, "").build();
        }
        try {
            return html(200, body.apply(session.get())).build();
        } catch (ApiException e) {
            return html(e.status(), "").build();
        }
    }

    /**
     * A change: only with a live session (else to sign-in, nothing done), the session's CSRF token in the form and, when
     * the browser names one, this page's origin (else 403, nothing done).
     */
    public Response change(String sessionId, String csrf, String origin, String host,
                           Function<UiSession, Response> action) {
        Optional<UiSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return UiResponses.toSignIn();
        }
        if (!UiSessions.csrfMatches(session.get().csrfToken, csrf) || !UiResponses.sameOrigin(origin, host)) {
            return refusedForm();
        }
        return action.apply(session.get());
    }

    /** 403: the form did not come from the page (or the page was open too long); nothing was changed. */
    public Response refusedForm() {
        return html(403, refused.render()).build();
    }
}
