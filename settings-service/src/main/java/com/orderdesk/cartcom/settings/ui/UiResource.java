package com.orderdesk.cartcom.settings.ui;

import static com.orderdesk.cartcom.settings.ui.UiResponses.SESSION_COOKIE;
import static com.orderdesk.cartcom.settings.ui.UiResponses.html;
import static com.orderdesk.cartcom.settings.ui.UiResponses.toPage;

import com.orderdesk.cartcom.kit.rest.ApiException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The merchant's page (CONTRACTS.md, "settings-service: the merchant's page"), for a browser signed in through
 * {@link SignInResource}. Every change is a plain HTML form POST carrying the session's CSRF token ({@link PageGuard}),
 * answered with a redirect (303) to the page when it worked, or with the page and the API's error beside the fields
 * when it did not. The work itself is done by the REST API's services, so the page applies exactly its rules.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class UiResource {
    private final UiSessions sessions;
    private final PageGuard guard;
    private final UiPages pages;
    private final ConnectionService connections;
    private final SettingsCheck settingsCheck;
    private final SettingsService settings;
    private final ImportService imports;
    private final Template page;
    private final Template statusPanel;
    private final Template activityPanel;
    private final Template importProgress;

    UiResource(UiSessions sessions, PageGuard guard, UiPages pages, ConnectionService connections,
               SettingsCheck settingsCheck, SettingsService settings, ImportService imports,
               @Location("ui/page.html") Template page, @Location("ui/status.html") Template status,
               @Location("ui/activity.html") Template activity, @Location("ui/import.html") Template importProgress) {
        this.sessions = sessions;
        this.guard = guard;
        this.pages = pages;
        this.connections = connections;
        this.settingsCheck = settingsCheck;
        this.settings = settings;
        this.imports = imports;
        this.page = page;
        this.statusPanel = status;
        this.activityPanel = activity;
        this.importProgress = importProgress;
    }

    // ---- the page and the fragments that reload themselves

    /** The merchant's page: connection, settings, import, status and activity. */
    @GET
    public Response page(@CookieParam(SESSION_COOKIE) String sessionId, @QueryParam("notice") String notice,
                         @QueryParam("level") String level, @QueryParam("page") @DefaultValue("0") int activityPage,
                         @QueryParam("refresh_statuses") @DefaultValue("false") boolean refreshStatuses) {
        Optional<UiSession> session = sessions.find(sessionId);
        if (session.isEmpty()) {
            return UiResponses.toSignIn();
        }
        return render(200, session.get(), PageState.of(notice, level, activityPage, refreshStatuses));
    }

    /** The status panel alone (the page reloads it). */
    @GET
    @Path("/status")
    public Response status(@CookieParam(SESSION_COOKIE) String sessionId) {
        return guard.panel(sessionId, session -> statusPanel.data("status", pages.status(session.storeId)).render());
    }

    /** A page of the activity panel alone (the page reloads it). */
    @GET
    @Path("/activity")
    public Response activity(@CookieParam(SESSION_COOKIE) String sessionId, @QueryParam("level") String level,
                             @QueryParam("page") @DefaultValue("0") int activityPage) {
        return guard.panel(sessionId, session ->
                activityPanel.data("activity", pages.activity(session.storeId, level, activityPage)).render());
    }

    /** An import's progress alone (the page reloads it while the import runs). */
    @GET
    @Path("/imports/{importId}")
    public Response importProgress(@CookieParam(SESSION_COOKIE) String sessionId,
                                   @PathParam("importId") String importId) {
        return guard.panel(sessionId, session -> {
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
        return guard.change(sessionId, csrf, origin, host, session -> {
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
        return guard.change(sessionId, csrf, origin, host, session -> {
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
        return guard.change(sessionId, csrf, origin, host, session -> {
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
        return guard.change(sessionId, csrf, origin, host, session -> {
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
}
