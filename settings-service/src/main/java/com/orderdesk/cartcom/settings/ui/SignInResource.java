package com.orderdesk.cartcom.settings.ui;

import static com.orderdesk.cartcom.settings.ui.UiResponses.SESSION_COOKIE;
import static com.orderdesk.cartcom.settings.ui.UiResponses.SIGN_IN_COOKIE;
import static com.orderdesk.cartcom.settings.ui.UiResponses.cookie;
import static com.orderdesk.cartcom.settings.ui.UiResponses.expired;
import static com.orderdesk.cartcom.settings.ui.UiResponses.html;

import com.orderdesk.cartcom.model.auth.ApiKeys;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * Signing in to the merchant's page with the store id and API key, and out. The sign-in form has no session to take a
 * CSRF token from, so it carries a random one that a cookie of its own carries too (double submit): another site's
 * form cannot sign a browser in to a store of the attacker's choosing.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {
    private static final int SIGN_IN_FORM_SECONDS = 3600;

    private final UiSessions sessions;
    private final PageGuard guard;
    private final Template signIn;

    SignInResource(UiSessions sessions, PageGuard guard, @Location("ui/sign-in.html") Template signIn) {
        this.sessions = sessions;
        this.guard = guard;
        this.signIn = signIn;
    }

    /** The sign-in form (store id and API key); a signed-in browser goes on to the page. */
    @GET
    @Path("/sign-in")
    public Response form(@CookieParam(SESSION_COOKIE) String sessionId, @Context UriInfo uri) {
        if (sessions.find(sessionId).isPresent()) {
            return UiResponses.toPage(null);
        }
        String token = ApiKeys.generate();
        return html(200, signIn.data("csrf", token).data("storeId", "").data("failed", false).render())
                .cookie(cookie(SIGN_IN_COOKIE, token, SIGN_IN_FORM_SECONDS, uri)).build();
    }

    /** Starts a session: its id in an HttpOnly, SameSite=Strict cookie. */
    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("store_id") String storeId, @FormParam("api_key") String apiKey,
                           @FormParam("csrf") String csrf, @CookieParam(SIGN_IN_COOKIE) String expectedCsrf,
                           @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                           @Context UriInfo uri) {
        if (!UiSessions.csrfMatches(expectedCsrf, csrf) || !UiResponses.sameOrigin(origin, host)) {
            return guard.refusedForm();
        }
        Optional<UiSessions.Opened> opened = sessions.signIn(storeId, apiKey);
        if (opened.isEmpty()) {
            String shownId = storeId == null ? "" : storeId.trim();
            return html(401, signIn.data("csrf", expectedCsrf).data("storeId", shownId).data("failed", true).render())
                    .build();
        }
        return Response.seeOther(URI.create("/ui/"))
                .cookie(cookie(SESSION_COOKIE, opened.get().id(), (int) sessions.ttl().toSeconds(), uri),
                        expired(SIGN_IN_COOKIE, uri))
                .build();
    }

    /** Ends the session, here and in the browser. */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(SESSION_COOKIE) String sessionId, @FormParam("csrf") String csrf,
                            @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                            @Context UriInfo uri) {
        return guard.change(sessionId, csrf, origin, host, session -> {
            sessions.signOut(sessionId);
            return Response.seeOther(URI.create("/ui/sign-in")).cookie(expired(SESSION_COOKIE, uri)).build();
        });
    }
}
