package com.orderdesk.cartcom.settings.ui;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.auth.ApiKeys;
import com.orderdesk.cartcom.settings.entity.ManualImport;
import com.orderdesk.cartcom.settings.entity.UiSession;
import com.orderdesk.cartcom.settings.rest.ConnectionResource;
import com.orderdesk.cartcom.settings.rest.ImportResource;
import com.orderdesk.cartcom.settings.service.CartcomFailures;
import com.orderdesk.cartcom.settings.service.ConnectionService;
import com.orderdesk.cartcom.settings.service.ImportService;
import com.orderdesk.cartcom.settings.service.SettingsCheck;
import com.orderdesk.cartcom.settings.service.SettingsService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The merchant's page (CONTRACTS.md, "settings-service: the merchant's page"). A browser signs in with the store id and
 * API key and then holds only a session cookie; every change is a plain HTML form POST carrying the session's CSRF
 * token, answered with a redirect (303) to the page when it worked, or with the page and the API's error beside the
 * fields when it did not. The work itself is the REST API's services, so the page applies exactly its rules.
 * Refusals here are HTML, never the API's JSON error shape: nothing is thrown to the kit's mappers.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class UiResource {
    static final String SESSION_COOKIE = "od_session";
    /** Sign-in's CSRF token (double submit): the form and this cookie carry the same random value. */
    static final String SIGN_IN_COOKIE = "od_sign_in";
    private static final String COOKIE_PATH = "/ui";

    private final UiSessions sessions;
    private final UiPages pages;
    private final ConnectionService connections;
    private final SettingsCheck settingsCheck;
    private final SettingsService settings;
    private final ImportService imports;
    private final Template page;
    private final Template signIn;
    private final Template statusPanel;
    private final Template activityPanel;
    private final Template importProgress;
    private final Template refused;

    UiResource(UiSessions sessions, UiPages pages, ConnectionService connections, SettingsCheck settingsCheck,
               SettingsService settings, ImportService imports,
               @Location("ui/page.html") Template page, @Location("ui/sign-in.html") Template signIn,
               @Location("ui/status.html") Template status, @Location("ui/activity.html") Template activity,
               @Location("ui/import.html") Template importProgress, @Location("ui/refused.html") Template refused) {
        this.sessions = sessions;
        this.pages = pages;
        this.connections = connections;
        this.settingsCheck = settingsCheck;
        this.settings = settings;
        this.imports = imports;
        this.page = page;
        this.signIn = signIn;
        this.statusPanel = status;
        this.activityPanel = activity;
        this.importProgress = importProgress;
        this.refused = refused;
    }

    // ---- signing in and out

    /** The sign-in form (store id and API key). */
    @GET
    @Path("/sign-in")
    public Response signInForm(@CookieParam(SESSION_COOKIE) String sessionId, @Context UriInfo uri) {
        if (sessions.find(sessionId).isPresent()) {
            return toPage(null);
        }
        String token = ApiKeys.generate();
        return html(200, signIn.data("csrf", token).data("storeId", "").data("failed", false).render())
                .cookie(cookie(SIGN_IN_COOKIE, token, 3600, uri)).build();
    }

    /** Sign in: starts a session (HttpOnly, SameSite=Strict cookie). */
    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("store_id") String storeId, @FormParam("api_key") String apiKey,
                           @FormParam("csrf") String csrf, @CookieParam(SIGN_IN_COOKIE) String expectedCsrf,
                           @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                           @Context UriInfo uri) {
        if (!UiSessions.csrfMatches(expectedCsrf, csrf) || !sameOrigin(origin, host)) {
            return refusedForm();
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

    /** Sign out: ends the session. */
    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@CookieParam(SESSION_COOKIE) String sessionId, @FormParam("csrf") String csrf,
                            @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                            @Context UriInfo uri) {
        return change(sessionId, csrf, origin, host, session -> {
            sessions.signOut(sessionId);
            return Response.seeOther(URI.create("/ui/sign-in")).cookie(expired(SESSION_COOKIE, uri)).build();
        });
    }

    // ---- the page and the fragments that reload themselves

    /** The merchant's page: connection, settings, import, status and activity. */
    @GET
    public Response page(@CookieParam(SESSION_COOKIE) String sessionId, @QueryParam("notice") String notice,
                         @QueryParam("level") String level, @QueryParam("page") @DefaultValue("0") int activityPage,
                         @QueryParam("refresh_statuses") @DefaultValue("false") boolean refreshStatuses) {
        Optional<UiSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create("/ui/sign-in")).build();
        }
        return render(200, session.get(), PageState.of(notice, level, activityPage, refreshStatuses));
    }

    /** The status panel alone (the page reloads it). */
    @GET
    @Path("/status")
    public Response status(@CookieParam(SESSION_COOKIE) String sessionId) {
        return fragment(sessionId, session -> statusPanel.data("status", pages.status(session.storeId)).render());
    }

    /** A page of the activity panel alone (the page reloads it). */
    @GET
    @Path("/activity")
    public Response activity(@CookieParam(SESSION_COOKIE) String sessionId, @QueryParam("level") String level,
                             @QueryParam("page") @DefaultValue("0") int activityPage) {
        return fragment(sessionId, session ->
                activityPanel.data("activity", pages.activity(session.storeId, level, activityPage)).render());
    }

    /** An import's progress alone (the page reloads it while the import runs). */
    @GET
    @Path("/imports/{importId}")
    public Response importProgress(@CookieParam(SESSION_COOKIE) String sessionId,
                                   @PathParam("importId") String importId) {
        return fragment(sessionId, session -> {
            UUID id;
            try {
                id = UUID.fromString(importId);
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound("import");
            }
            return importProgress.data("current", pages.importProgress(session.storeId, id)).render();
        });
    }

    // ---- changes: each a form POST with the session's CSRF token

    /** Connect (verified live, as PUT .../connection). */
    @POST
    @Path("/connection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response connect(@CookieParam(SESSION_COOKIE) String sessionId, @FormParam("csrf") String csrf,
                            @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                            @FormParam("domain") String domain, @FormParam("access_token") String accessToken) {
        return change(sessionId, csrf, origin, host, session -> {
            try {
                if (accessToken == null || accessToken.isBlank()) {
                    // The API's answer to a missing token (ConnectionResource's constraint).
                    throw new ApiException(422, CartcomFailures.TOKEN_REJECTED, ConnectionResource.TOKEN_REQUIRED,
                            Map.of("access_token", ConnectionResource.TOKEN_REQUIRED));
                }
                connections.connect(session.storeId, domain, accessToken);
                return toPage("connected");
            } catch (ApiException e) {
                return render(e.status(), session, PageState.plain().connectionRefused(domain, Problem.of(e)));
            }
        });
    }

    /** Disconnect (as DELETE .../connection). */
    @POST
    @Path("/connection/disconnect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disconnect(@CookieParam(SESSION_COOKIE) String sessionId, @FormParam("csrf") String csrf,
                               @HeaderParam("Origin") String origin, @HeaderParam("Host") String host) {
        return change(sessionId, csrf, origin, host, session -> {
            connections.disconnect(session.storeId);
            return toPage("disconnected");
        });
    }

    /** Save every setting in one step (as PUT .../settings). */
    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSettings(@CookieParam(SESSION_COOKIE) String sessionId, @FormParam("csrf") String csrf,
                                 @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                                 @FormParam("enabled") String enabled,
                                 @FormParam("check_interval_minutes") String interval,
                                 @FormParam("download_status_ids") List<String> downloads,
                                 @FormParam("folder_id") String folder,
                                 @FormParam("after_import_status_id") String afterImport,
                                 @FormParam("after_shipment_status_id") String afterShipment,
                                 @FormParam("after_shipment_status_when") String afterShipmentWhen,
                                 @FormParam("sync_tracking_numbers") String sync,
                                 @FormParam("order_prefix") String prefix) {
        return change(sessionId, csrf, origin, host, session -> {
            SettingsForm.Posted posted = SettingsForm.read(enabled, interval, downloads, folder, afterImport,
                    afterShipment, afterShipmentWhen, sync, prefix);
            try {
                if (!posted.unreadable().isEmpty()) {
                    throw new ApiException(422, SettingsCheck.CODE, SettingsCheck.MESSAGE, posted.unreadable());
                }
                settingsCheck.require(session.storeId, posted.input());
                settings.save(session.storeId, posted.input());
                return toPage("saved");
            } catch (ApiException e) {
                return render(e.status(), session, PageState.plain().settingsRefused(posted.form(), Problem.of(e)));
            }
        });
    }

    /** Import orders from a date in the store's time zone (as POST .../imports). */
    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startImport(@CookieParam(SESSION_COOKIE) String sessionId, @FormParam("csrf") String csrf,
                                @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
                                @FormParam("since") String since) {
        return change(sessionId, csrf, origin, host, session -> {
            try {
                if (since == null || since.isBlank()) {
                    // The API's answer to a missing since (ImportResource's constraint).
                    throw new ApiException(422, ImportResource.INVALID_SINCE, ImportResource.SINCE_REQUIRED,
                            Map.of("since", ImportResource.SINCE_REQUIRED));
                }
                ManualImport started = imports.request(session.storeId, since);
                return Response.seeOther(URI.create("/ui/?notice=import#import-" + started.id)).build();
            } catch (ApiException e) {
                return render(e.status(), session, PageState.plain().importRefused(since, Problem.of(e)));
            }
        });
    }

    // ---- the rules every request of the page follows

    /** A GET of a fragment: the session's store only; without a session 401, and the page's script signs in again. */
    private Response fragment(String sessionId, Function<UiSession, String> body) {
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
    private Response change(String sessionId, String csrf, String origin, String host,
                            Function<UiSession, Response> action) {
        Optional<UiSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create("/ui/sign-in")).build();
        }
        if (!UiSessions.csrfMatches(session.get().csrfToken, csrf) || !sameOrigin(origin, host)) {
            return refusedForm();
        }
        return action.apply(session.get());
    }

    /** A browser names the page's origin on a POST; another site's (or "null") is refused. No header: not a browser. */
    private static boolean sameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        URI parsed;
        try {
            parsed = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (parsed.getHost() == null || host == null) {
            return false;
        }
        String originHost = parsed.getPort() == -1 ? parsed.getHost() : parsed.getHost() + ":" + parsed.getPort();
        return originHost.equalsIgnoreCase(host);
    }

    private Response refusedForm() {
        return html(403, refused.render()).build();
    }

    private Response render(int httpStatus, UiSession session, PageState state) {
        PageView view = pages.page(session.storeId, session.csrfToken, state);
        // The panels that reload themselves are drawn by the same templates as their reloads.
        String importHtml = view.imports().current() == null ? ""
                : importProgress.data("current", view.imports().current()).render();
        return html(httpStatus, page.data("p", view)
                .data("statusHtml", statusPanel.data("status", view.status()).render())
                .data("activityHtml", activityPanel.data("activity", view.activity()).render())
                .data("importHtml", importHtml).render()).build();
    }

    private static Response toPage(String notice) {
        return Response.seeOther(URI.create(notice == null ? "/ui/" : "/ui/?notice=" + notice)).build();
    }

    private static Response.ResponseBuilder html(int status, String body) {
        return Response.status(status).entity(body).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store");
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site's request carries it), Secure on https. */
    private static NewCookie cookie(String name, String value, int maxAgeSeconds, UriInfo uri) {
        return new NewCookie.Builder(name).value(value).path(COOKIE_PATH).maxAge(maxAgeSeconds).httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static NewCookie expired(String name, UriInfo uri) {
        return cookie(name, "", 0, uri);
    }
}
