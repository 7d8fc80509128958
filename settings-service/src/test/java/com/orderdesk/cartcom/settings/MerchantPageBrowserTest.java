package com.orderdesk.cartcom.settings;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.orderdesk.cartcom.devstack.SandboxControl.SandboxStore;
import com.orderdesk.cartcom.model.events.ActivityKinds;
import com.orderdesk.cartcom.model.events.ActivityRecorded;
import com.orderdesk.cartcom.model.events.ActivityRecorded.Level;
import com.orderdesk.cartcom.settings.support.Activities;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Browser;
import com.orderdesk.cartcom.settings.support.Sandbox;
import com.orderdesk.cartcom.settings.support.ServiceTestBase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19: the merchant's page in Debian's headless Chromium, one merchant's journey in order on the service the other
 * tests share (no profile of its own, so no second start of Quarkus). What the other services would do for the page to
 * show (the poller's import progress, the importer's orders, gauges, a failed poll) arrives as their activity events
 * on Kafka, as ActivityAndStatusTest and ImportTest send them.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerchantPageBrowserTest extends ServiceTestBase {
    /** Every wait is for a condition; this long only on a machine busy with other builds. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The budget for what the first page costs a merchant's connection. */
    private static final long FIRST_PAGE_BYTES = 100 * 1024;

    private static ChromeDriver browser;
    private static Path profile;
    private static TestStore store;
    private static TestStore otherStore;
    private static SandboxStore cart;
    private static UUID importId;
    private static String root;

    @TestHTTPResource("/")
    URL rootUrl;

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void aSignedOutBrowserIsSentToSignInAndAnotherStoresKeyIsRefused() throws IOException {
        root = rootUrl.toString().replaceAll("/$", "");
        store = Api.createStore("America/Chicago");
        otherStore = Api.createStore("America/Chicago");
        profile = Files.createTempDirectory("ui-browser");
        browser = Browser.start(profile);

        HttpResponse<String> signInPage = http("GET", "/ui/sign-in", null, null, Map.of());
        assertEquals(200, signInPage.statusCode());
        assertTrue(signInPage.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("no-store", signInPage.headers().firstValue("Cache-Control").orElse(""));

        browser.get(root + "/ui/");
        waitFor(By.id("store_id"));
        assertTrue(browser.getCurrentUrl().endsWith("/ui/sign-in"), browser.getCurrentUrl());
        long bytes = transferredBytes();
        assertTrue(bytes > 0 && bytes < FIRST_PAGE_BYTES, "sign-in page transferred " + bytes + " bytes");
        assertNoSeriousAccessibilityViolations("sign-in");
        Browser.screenshot(browser, "01-sign-in");

        // The store id of one store with the key of another: refused, and still signed out.
        signIn(store.id(), otherStore.apiKey());
        assertTrue(text(By.id("sign-in-problem")).contains("Unknown store or wrong API key"));
        signIn(otherStore.id(), store.apiKey());
        assertTrue(text(By.id("sign-in-problem")).contains("Unknown store or wrong API key"));
        assertEquals(303, http("GET", "/ui/", null, null, Map.of()).statusCode(), "no session from a refused sign-in");
    }

    @Test
    @Order(2)
    void signingInOpensThePageInAFewBytesWithASafeCookie() {
        signIn(store.id(), store.apiKey());
        waitFor(By.id("connection-state"));
        assertTrue(text(By.id("connection-state")).startsWith("Not connected"));
        long bytes = transferredBytes();
        assertTrue(bytes > 0 && bytes < FIRST_PAGE_BYTES, "first page transferred " + bytes + " bytes");
        System.out.printf("merchant's page: sign-in page and first page after sign-in under %d bytes (this one %d)%n",
                FIRST_PAGE_BYTES, bytes);

        Cookie session = browser.manage().getCookieNamed("od_session");
        assertNotNull(session);
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("Strict", session.getSameSite());
        assertEquals("/ui", session.getPath());
        assertFalse(browser.getPageSource().contains(store.apiKey()), "the API key is not on the page");
    }

    @Test
    @Order(3)
    void everyRefusedConnectionIsExplainedThenAGoodTokenConnects() {
        cart = Sandbox.newStore();

        // A hostile domain: an address (here the cloud metadata one) is never called.
        connect("169.254.169.254", cart.token());
        assertProblem("invalid_domain", "not an IP address", "What to do");
        assertEquals("true", browser.findElement(By.id("domain")).getAttribute("aria-invalid"));
        connect("https://" + cart.domain() + "/admin", cart.token());
        assertProblem("invalid_domain", "without http", "never to private or local addresses");

        // A token Cart.com rejects.
        connect(cart.domain(), "wrong-" + UUID.randomUUID());
        assertProblem("token_rejected", "did not accept the access token", "Order Desk cannot find or reset");
        assertEquals(cart.domain(), browser.findElement(By.id("domain")).getAttribute("value"), "the domain is kept");
        assertEquals("", browser.findElement(By.id("access_token")).getAttribute("value"), "the token is not echoed");
        Browser.screenshot(browser, "02-connection-refused");

        // A domain where no Cart.com store answers.
        connect("no-such-store-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com", cart.token());
        assertProblem("unexpected_response", "not a Cart.com Storefront store", "formerly AmeriCommerce");

        // A store whose plan's API calls are used up (another client took the one call it allows).
        SandboxStore limited = Sandbox.newStoreWithRateLimit(1, 60);
        assertEquals(200, Sandbox.apiCall(limited, "/order_statuses"));
        connect(limited.domain(), limited.token());
        assertProblem("rate_limited", "API limit was used up", "Upgrade to Silver or higher");

        // This time from the keyboard alone: Enter in the token field sends the form.
        type(By.id("domain"), cart.domain());
        type(By.id("access_token"), cart.token());
        submit(() -> browser.findElement(By.id("access_token")).sendKeys(Keys.ENTER));
        assertEquals("Connected to Cart.com. Now choose your settings and save them.", text(By.id("notice")));
        assertTrue(text(By.id("connection-state")).contains(cart.domain()));
        assertEquals("****" + cart.token().substring(cart.token().length() - 4), text(By.id("token-hint")));
        assertFalse(browser.getPageSource().contains(cart.token()), "only the token's hint is ever shown");
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(true));
    }

    @Test
    @Order(4)
    void settingsShowTheGuidesWarningsAndTheApisErrorsBesideTheirFields() {
        // Download "Pending Processing" and set it again after import: the guide's warning shows at once in the page,
        // and the server refuses it beside the field, as the API does.
        check("download-1", true);
        new Select(browser.findElement(By.id("after_import_status_id"))).selectByValue("1");
        assertTrue(browser.findElement(By.id("conflict-after-import")).isDisplayed(), "the live warning shows");
        type(By.id("order_prefix"), "no spaces!");
        submit(By.id("save-settings"));
        assertTrue(text(By.id("settings-problem")).contains("invalid_settings"));
        assertTrue(text(By.id("err-after_import_status_id")).contains("Download These Orders"));
        assertTrue(text(By.id("err-order_prefix")).contains("at most 20 characters"));
        assertEquals("no spaces!", browser.findElement(By.id("order_prefix")).getAttribute("value"), "input kept");
        assertNoSeriousAccessibilityViolations("page with refused settings");
        Browser.screenshot(browser, "03-settings-refused");
        store.as().get(store.cartcom("/settings")).then().body("saved_at", equalTo(null));

        // A status added at Cart.com appears after a refresh of the list.
        Sandbox.addStatus(cart.domain(), 42, "Held for Review");
        browser.findElement(By.id("refresh-statuses")).click();
        waitFor(By.id("download-42"));
    }

    @Test
    @Order(5)
    void everySettingIsSavedInOneStep() {
        check("enabled", true);
        new Select(browser.findElement(By.id("check_interval_minutes"))).selectByValue("30");
        check("download-1", true);
        check("download-6", true);
        new Select(browser.findElement(By.id("folder_id"))).selectByVisibleText("Prepared");
        new Select(browser.findElement(By.id("after_import_status_id"))).selectByValue("2");
        assertFalse(browser.findElement(By.id("conflict-after-import")).isDisplayed());
        new Select(browser.findElement(By.id("after_shipment_status_id"))).selectByValue("3");
        new Select(browser.findElement(By.id("after_shipment_status_when"))).selectByValue("fully_shipped");
        check("sync_tracking_numbers", false);
        type(By.id("order_prefix"), "CC-");
        submit(By.id("save-settings"));
        assertEquals("Settings saved.", text(By.id("notice")));

        long prepared = store.as().get(store.path("/folders")).then().extract().jsonPath()
                .getLong("find { it.name == 'Prepared' }.id");
        store.as().get(store.cartcom("/settings")).then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("check_interval_minutes", equalTo(30))
                .body("download_status_ids", equalTo(List.of(1, 6)))
                .body("folder_id", equalTo((int) prepared))
                .body("after_import_status_id", equalTo(2))
                .body("after_shipment_status_id", equalTo(3))
                .body("after_shipment_status_when", equalTo("fully_shipped"))
                .body("sync_tracking_numbers", equalTo(false))
                .body("order_prefix", equalTo("CC-"));
        // The page shows what was saved.
        assertEquals("30", new Select(browser.findElement(By.id("check_interval_minutes"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertFalse(browser.findElement(By.id("sync_tracking_numbers")).isSelected());
    }

    @Test
    @Order(6)
    void anImportFromADateShowsItsProgressAndItsCounts() {
        // A since the API refuses is refused beside the field, in the API's words (the browser itself offers only
        // past dates, so this one comes from another client with the page's session and token).
        String csrf = browser.findElement(By.name("csrf")).getAttribute("value");
        HttpResponse<String> refused = http("POST", "/ui/imports", "since=last+tuesday&csrf=" + csrf, null,
                Map.of("Cookie", "od_session=" + browser.manage().getCookieNamed("od_session").getValue()));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("id=\"err-since\"") && refused.body().contains("(invalid_since)"),
                refused.body());

        String weekAgo = LocalDate.now(ZoneId.of("America/Chicago")).minusDays(7).toString();
        // A date input's typing depends on the browser's locale: its value is set as a date picker sets it.
        browser.executeScript("document.getElementById('since').value = arguments[0]", weekAgo);
        submit(By.id("start-import"));
        WebElement progress = waitFor(By.cssSelector(".import-progress"));
        importId = UUID.fromString(progress.getAttribute("id").substring("import-".length()));
        assertEquals("0", browser.findElement(By.id("import-bar")).getAttribute("value"));
        store.as().get(store.cartcom("/imports/" + importId)).then().body("status", equalTo("queued"));

        // The poller finds four orders, the importer imports two of them: the bar moves on its own to half.
        Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.IMPORT_PROGRESS, Level.info,
                "Found 4 orders").withImportId(importId).withCounts(Map.of(ActivityKinds.COUNT_ORDERS_FOUND, 4L)));
        importOrder(1001);
        importOrder(1002);
        until(() -> "50".equals(browser.findElement(By.id("import-bar")).getAttribute("value")));
        assertTrue(text(By.id("import-state")).startsWith("Importing"));

        importOrder(1003);
        importOrder(1004);
        Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.IMPORT_COMPLETED, Level.info,
                "Manual import finished: 4 orders imported").withImportId(importId));
        until(() -> "100".equals(browser.findElement(By.id("import-bar")).getAttribute("value")));
        assertTrue(text(By.id("import-state")).startsWith("Finished"));
        assertEquals("Found 4 · imported 4 · already there 0 · failed 0", text(By.id("import-counts")));
    }

    @Test
    @Order(7)
    void ordersArriveInTheStatusPanelAndTheActivityLogFiltersAndPages() {
        // The four imported orders reach the status panel without a reload.
        until(() -> "4".equals(text(By.id("status-imported-today"))));
        assertEquals("4", text(By.id("status-imported-total")));

        for (int i = 0; i < 3; i++) {
            Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.POLL, Level.info, "Checked for new orders"));
        }
        Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.STATUS_UPDATE_BACKLOG, Level.info,
                "2 status updates waiting").withCounts(Map.of(ActivityKinds.COUNT_STATUS_UPDATES_PENDING, 2L)));
        Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.SHIPMENTS_PENDING, Level.info,
                "1 shipment waiting").withCounts(Map.of(ActivityKinds.COUNT_SHIPMENTS_PENDING, 1L)));
        Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.POLL_FAILED, Level.error,
                "Cart.com did not answer in time"));
        until(() -> text(By.id("status-last-error")).contains("Cart.com did not answer in time"));
        assertTrue(text(By.id("status-last-error")).contains("failing since"));
        assertEquals("2", text(By.id("status-updates-pending")));
        assertEquals("1", text(By.id("status-shipments-pending")));
        assertFalse(text(By.id("status-last-poll")).isBlank());
        assertFalse(text(By.id("status-next-poll")).isBlank());
        until(() -> browser.findElements(By.cssSelector("#activity-body tbody tr")).size() == 10);
        Browser.screenshot(browser, "04-import-status-activity");

        new Select(browser.findElement(By.id("level"))).selectByValue("error");
        submit(By.id("filter"));
        List<String> levels = browser.findElements(By.cssSelector("#activity-body .badge")).stream()
                .map(WebElement::getText).collect(Collectors.toList());
        assertEquals(List.of("error"), levels);

        new Select(browser.findElement(By.id("level"))).selectByValue("");
        submit(By.id("filter"));
        // 12 entries: ten on the first page, the two oldest on the next.
        submit(By.id("activity-older"));
        assertEquals(2, browser.findElements(By.cssSelector("#activity-body tbody tr")).size());
        assertTrue(text(By.cssSelector("#activity-body tbody")).contains("Found 4 orders"));
        assertNoSeriousAccessibilityViolations("page with status and activity");
    }

    @Test
    @Order(8)
    void aFormWithoutTheSessionsTokenOrFromAnotherSiteChangesNothing() {
        String session = browser.manage().getCookieNamed("od_session").getValue();
        Map<String, String> cookie = Map.of("Cookie", "od_session=" + session);
        String form = "order_prefix=HACKED&download_status_ids=1&check_interval_minutes=5";
        assertEquals(403, http("POST", "/ui/settings", form, null, cookie).statusCode(), "no token");
        assertEquals(403, http("POST", "/ui/settings", form + "&csrf=" + UUID.randomUUID(), null, cookie).statusCode(),
                "a wrong token");
        String csrf = browser.findElement(By.name("csrf")).getAttribute("value");
        assertEquals(403, http("POST", "/ui/settings", form + "&csrf=" + csrf, "https://evil.example", cookie)
                .statusCode(), "the right token from another site");
        // Another site's form arrives without the SameSite=Strict cookie: to sign-in, nothing done.
        HttpResponse<String> anonymous = http("POST", "/ui/connection/disconnect", "csrf=" + csrf, null, Map.of());
        assertEquals(303, anonymous.statusCode());
        assertEquals("/ui/sign-in", URI.create(anonymous.headers().firstValue("Location").orElseThrow()).getPath());
        store.as().get(store.cartcom("/settings")).then().body("order_prefix", equalTo("CC-"));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(true));
        // Signing in from another site's form (no sign-in cookie, so no matching token) starts no session.
        HttpResponse<String> signIn = http("POST", "/ui/sign-in", "store_id=" + store.id() + "&api_key="
                + store.apiKey() + "&csrf=" + csrf, null, Map.of());
        assertEquals(403, signIn.statusCode());
        assertTrue(signIn.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("od_session=")));
    }

    @Test
    @Order(9)
    void disconnectingAndSigningOutEndTheSession() {
        browser.get(root + "/ui/");
        submit(By.id("disconnect"));
        assertTrue(text(By.id("notice")).startsWith("Disconnected"));
        assertTrue(text(By.id("connection-state")).startsWith("Not connected"));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));

        String session = browser.manage().getCookieNamed("od_session").getValue();
        submit(By.id("sign-out"));
        waitFor(By.id("store_id"));
        assertEquals(303, http("GET", "/ui/", null, null, Map.of("Cookie", "od_session=" + session)).statusCode(),
                "the old session no longer opens the page");

        // An operator deletes a store someone is signed in to: the store goes, and its sessions with it.
        signIn(store.id(), store.apiKey());
        String live = browser.manage().getCookieNamed("od_session").getValue();
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_TOKEN)
                .delete("/api/v1/stores/" + store.id()).then().statusCode(204);
        assertEquals(303, http("GET", "/ui/", null, null, Map.of("Cookie", "od_session=" + live)).statusCode());
    }

    // ---- what a merchant does

    private static void signIn(long storeId, String apiKey) {
        browser.get(root + "/ui/sign-in");
        type(By.id("store_id"), String.valueOf(storeId));
        type(By.id("api_key"), apiKey);
        submit(By.cssSelector("form.card button[type=submit]"));
    }

    private static void connect(String domain, String token) {
        type(By.id("domain"), domain);
        type(By.id("access_token"), token);
        submit(By.id("connect"));
    }

    private static void importOrder(long cartOrderId) {
        Activities.publish(ActivityRecorded.of(store.id(), ActivityKinds.ORDER_IMPORTED, Level.info,
                "Imported Cart.com order " + cartOrderId).withImportId(importId).withCartOrderId(cartOrderId));
    }

    /** The problem beside the connection form names the API's code, its meaning and what to do. */
    private static void assertProblem(String code, String... phrases) {
        String problem = text(By.id("connection-problem"));
        assertTrue(problem.contains("(" + code + ")"), problem);
        for (String phrase : phrases) {
            assertTrue(problem.contains(phrase), "'" + phrase + "' in: " + problem);
        }
    }

    private static void type(By field, String value) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    private static void check(String id, boolean checked) {
        WebElement box = browser.findElement(By.id(id));
        if (box.isSelected() != checked) {
            // The keyboard, not the mouse: the page must work with it.
            box.sendKeys(" ");
        }
        assertEquals(checked, box.isSelected(), id);
    }

    /** Clicks a submit button and waits for the page the form's answer draws. */
    private static void submit(By button) {
        submit(() -> browser.findElement(button).click());
    }

    /** Sends a form as {@code action} does and waits for the page its answer draws. */
    private static void submit(Runnable action) {
        WebElement page = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, WAIT).until(driver -> isGone(page));
        new WebDriverWait(browser, WAIT).until(driver ->
                "complete".equals(browser.executeScript("return document.readyState")));
        waitFor(By.tagName("h1"));
    }

    /**
     * Whether the page's old root is gone: stale, or (chromedriver 156 at times) "Node with given id does not belong
     * to the document", an error of its own rather than a stale element, for a node of the replaced document.
     */
    private static boolean isGone(WebElement oldRoot) {
        try {
            oldRoot.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            return String.valueOf(e.getMessage()).contains("does not belong to the document");
        }
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static String text(By what) {
        return waitFor(what).getText().trim();
    }

    /** Waits for a condition of the page, which a panel reloading itself swaps under the test. */
    private static void until(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /** Bytes the page's load cost: the document and every resource it loaded, as the browser measured them. */
    private static long transferredBytes() {
        Object bytes = browser.executeScript("var total = 0;"
                + "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".forEach(function (e) { total += Math.max(e.transferSize, e.encodedBodySize); });"
                + "return total;");
        return ((Number) bytes).longValue();
    }

    private static void assertNoSeriousAccessibilityViolations(String what) {
        List<Rule> violations = new AxeBuilder().analyze(browser).getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .collect(Collectors.toList());
        assertTrue(violations.isEmpty(), what + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + ") at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
    }

    /** A request as another client (or another site's page) would send it; redirects are not followed. */
    private static HttpResponse<String> http(String method, String path, String form, String origin,
                                             Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        headers.forEach(request::header);
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
