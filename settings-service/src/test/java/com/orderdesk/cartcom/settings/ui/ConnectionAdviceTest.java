package com.orderdesk.cartcom.settings.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.CartcomException;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.settings.service.CartcomFailures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The page's plain words for connection failures and the small rules of its forms, without a browser. */
class ConnectionAdviceTest {

    /** Whatever Cart.com does, the code the connection check answers with comes with what it means and what to do. */
    @ParameterizedTest
    @EnumSource(CartcomException.Kind.class)
    void everyCartcomFailureIsExplained(CartcomException.Kind kind) {
        ApiException refused = CartcomFailures.forConnect(
                new CartcomException(kind, 500, "answered", null, null), "shop.example.com");
        Problem problem = Problem.of(refused);
        assertNotNull(problem.meaning(), refused.code());
        assertFalse(problem.whatToDo().isBlank(), refused.code());
    }

    @Test
    void aRedirectAHostileDomainAndAMissingConnectionAreExplainedToo() {
        ApiException redirected = CartcomFailures.forConnect(new CartcomException(CartcomException.Kind.BAD_REQUEST,
                301, "answered 301", null, null, "www.acme.com"), "acme.com");
        Problem problem = Problem.of(redirected);
        assertEquals("use www.acme.com", problem.field("domain"));
        assertNotNull(problem.whatToDo());
        assertTrue(Problem.of(new ApiException(422, "invalid_domain", "not public")).whatToDo()
                .contains("private or local"));
        assertNotNull(Problem.of(ApiException.notConnected()).whatToDo());
        assertTrue(Problem.of(new ApiException(422, CartcomFailures.SCOPE_MISSING, "may not read customers"))
                .whatToDo().contains("read_people"), "a missing scope says which Cart.com scopes to ask for");
        assertNull(Problem.of(ApiException.notFound("import")).whatToDo(), "not a connection problem");
    }

    @Test
    void theRateLimitSaysBronzeIsNotEnough() {
        Problem problem = Problem.of(CartcomFailures.forConnect(
                new CartcomException(CartcomException.Kind.RATE_LIMITED, 429, "answered 429", null, null), "a.com"));
        assertEquals(CartcomFailures.RATE_LIMITED, problem.code());
        assertTrue(problem.whatToDo().contains("Bronze") && problem.whatToDo().contains("Silver"));
    }

    @Test
    void aPostedFormKeepsWhatItCouldReadAndNamesWhatIsNotANumber() {
        SettingsForm.Posted posted = SettingsForm.read("true", "thirty", List.of("1", "x", "6"), "7", "", "3",
                "fully_shipped", null, " CC- ");
        assertEquals(Map.of("check_interval_minutes", "must be a number", "download_status_ids", "must be a number"),
                posted.unreadable());
        assertEquals(List.of(1L, 6L), posted.input().downloadStatusIds());
        assertNull(posted.input().afterImportStatusId(), "an empty select leaves the status unchanged");
        assertEquals(3L, posted.input().afterShipmentStatusId());
        assertEquals(Boolean.FALSE, posted.input().syncTrackingNumbers(), "an unticked box is false");
        assertEquals(Boolean.TRUE, posted.input().enabled());
        assertEquals("CC-", posted.input().orderPrefix());
    }

    @Test
    void onlyThePagesOwnOriginMaySendItsForms() {
        assertTrue(UiResponses.sameOrigin(null, "localhost:8081"), "no Origin: not a browser's cross-site form");
        assertTrue(UiResponses.sameOrigin("http://localhost:8081", "localhost:8081"));
        assertTrue(UiResponses.sameOrigin("https://desk.example.com", "desk.example.com"));
        assertFalse(UiResponses.sameOrigin("https://evil.example", "localhost:8081"));
        assertFalse(UiResponses.sameOrigin("null", "localhost:8081"), "a sandboxed frame or a data: page");
        assertFalse(UiResponses.sameOrigin("http://localhost:8082", "localhost:8081"));
    }
}
