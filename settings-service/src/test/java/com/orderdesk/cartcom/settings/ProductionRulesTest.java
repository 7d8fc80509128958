package com.orderdesk.cartcom.settings;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.orderdesk.cartcom.devstack.DevStackTestResource;
import com.orderdesk.cartcom.devstack.FreePorts;
import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import com.orderdesk.cartcom.settings.support.Api.TestStore;
import com.orderdesk.cartcom.settings.support.Api;
import com.orderdesk.cartcom.settings.support.FakeDns;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connection under the production configuration ({@code cartcom.allow-insecure-base-url=false}, an https
 * template): a domain must resolve only to public addresses (SSRF). The DNS answers come from {@link FakeDns}, as a
 * hostile DNS would give them. The API root is a closed local port, so a domain that passes the rules meets a
 * refused connection: that is the {@code unreachable} of a host that does not answer at all.
 */
@QuarkusTest
@TestProfile(ProductionRulesTest.ProductionRules.class)
class ProductionRulesTest {

    public static class ProductionRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cartcom.allow-insecure-base-url", "false",
                    "cartcom.base-url-template", "https://127.0.0.1:" + FreePorts.find() + "/{domain}/api/v1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevStackTestResource.class, Map.of("database", "settings")));
        }

        /** Without the sandbox's resource, which would allow its insecure base URL. */
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @BeforeEach
    void hostileDns() {
        QuarkusMock.installMockForType(new FakeDns(Map.ofEntries(
                Map.entry("loopback.example.com", List.of("127.0.0.1")),
                Map.entry("loopback6.example.com", List.of("::1")),
                Map.entry("private10.example.com", List.of("10.0.0.7")),
                Map.entry("private172.example.com", List.of("172.16.5.5")),
                Map.entry("private192.example.com", List.of("192.168.1.20")),
                Map.entry("metadata.example.com", List.of("169.254.169.254")),
                Map.entry("linklocal6.example.com", List.of("fe80::1")),
                Map.entry("uniquelocal6.example.com", List.of("fd12:3456::1")),
                Map.entry("cgnat.example.com", List.of("100.64.0.1")),
                Map.entry("unspecified.example.com", List.of("0.0.0.0")),
                Map.entry("mapped.example.com", List.of("::ffff:10.0.0.1")),
                Map.entry("mixed.example.com", List.of("93.184.216.34", "10.0.0.1")),
                Map.entry("public.example.com", List.of("93.184.216.34")))), HostResolver.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loopback.example.com", "loopback6.example.com", "private10.example.com",
            "private172.example.com", "private192.example.com", "metadata.example.com", "linklocal6.example.com",
            "uniquelocal6.example.com", "cgnat.example.com", "unspecified.example.com", "mapped.example.com",
            "mixed.example.com"})
    void aDomainThatResolvesIntoOurNetworkIsRefused(String domain) {
        TestStore store = Api.createStore();
        connect(store, domain).statusCode(422)
                .body("error.code", equalTo("invalid_domain"))
                .body("error.message", containsString("public address"));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost.", "127.0.0.1", "[::1]", "0x7f.1", "127.1",
            "http://public.example.com", "public.example.com:443", "admin@public.example.com"})
    void namesAndAddressesOfThisMachineAreRefused(String domain) {
        connect(Api.createStore(), domain).statusCode(422).body("error.code", equalTo("invalid_domain"));
    }

    @Test
    void aDomainThatDoesNotResolveIsRefused() {
        connect(Api.createStore(), "no-such-store.invalid").statusCode(422)
                .body("error.code", equalTo("invalid_domain"))
                .body("error.message", containsString("does not resolve"));
    }

    @Test
    void aPublicDomainIsCalledAndAHostThatDoesNotAnswerIsUnreachable() {
        TestStore store = Api.createStore();
        connect(store, "public.example.com").statusCode(422)
                .body("error.code", equalTo("unreachable"))
                .body("error.message", containsString("public.example.com"));
        store.as().get(store.cartcom("/connection")).then().body("connected", equalTo(false));
    }

    private static ValidatableResponse connect(TestStore store, String domain) {
        return store.as().body(Map.of("domain", domain, "access_token", "any-token"))
                .put(store.cartcom("/connection")).then();
    }
}
