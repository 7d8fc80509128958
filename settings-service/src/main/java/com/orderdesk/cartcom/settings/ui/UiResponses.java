package com.orderdesk.cartcom.settings.ui;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** How the merchant's page answers: HTML that is never cached, redirects after a change, and its cookies. */
final class UiResponses {
    static final String SESSION_COOKIE = "od_session";
    /** Sign-in's CSRF token (double submit): the form and this cookie carry the same random value. */
    static final String SIGN_IN_COOKIE = "od_sign_in";
    private static final String COOKIE_PATH = "/ui";

    static Response.ResponseBuilder html(int status, String body) {
        return Response.status(status).entity(body).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store");
    }

    /** After a change: the page again (303, so a reload does not send the form twice), with a notice by key. */
    static Response toPage(String notice) {
        return Response.seeOther(URI.create(notice == null ? "/ui/" : "/ui/?notice=" + notice)).build();
    }

    static Response toSignIn() {
        return Response.seeOther(URI.create("/ui/sign-in")).build();
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site's request carries it), Secure on https. */
    static NewCookie cookie(String name, String value, int maxAgeSeconds, UriInfo uri) {
        return new NewCookie.Builder(name).value(value).path(COOKIE_PATH).maxAge(maxAgeSeconds).httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme())).sameSite(NewCookie.SameSite.STRICT).build();
    }

    static NewCookie expired(String name, UriInfo uri) {
        return cookie(name, "", 0, uri);
    }

    /** A browser names the page's origin on a POST; another site's (or "null") is refused. No header: not a browser. */
    static boolean sameOrigin(String origin, String host) {
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

    private UiResponses() {
    }
}
