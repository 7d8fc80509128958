package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderdesk.cartcom.devstack.JsonHttp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table 2: hostile store domains on {@code PUT .../connection} (CONTRACTS.md: "a bare host name (no scheme, path,
 * port, credentials or IP literal) that resolves to a public address"). Each is refused with 422 {@code invalid_domain}
 * and no call is made:
 * <ul>
 * <li>on the system's settings-service (sandbox template, insecure base URL allowed, as locally and in tests), the
 * name is also a sandbox store with a valid token wherever the sandbox can hold such a name, so a call would have
 * succeeded; its call log must stay empty;</li>
 * <li>on {@link ProductionRulesSettings} (the production rules, a hostile DNS), nothing may reach
 * {@link ConnectionTrap}. Names that are well-formed but resolve into our network are tried only here, since the
 * address check is exactly what the insecure setting switches off.</li>
 * </ul>
 */
final class HostileDomains {
    /** The one name of {@link #DNS} that resolves to a public address only: the control. */
    static final String PUBLIC_NAME = "public.hostile.test";

    /**
     * What the hostile DNS answers, one name a line followed by its addresses (as in a hosts file, but name first);
     * a name not listed does not resolve at all.
     */
    private static final String DNS = """
            loopback.hostile.test       127.0.0.1
            loopback6.hostile.test      ::1
            private10.hostile.test      10.1.2.3
            private172.hostile.test     172.16.5.5
            private192.hostile.test     192.168.1.20
            metadata.hostile.test       169.254.169.254
            cgnat.hostile.test          100.64.0.1
            unspecified.hostile.test    0.0.0.0
            mapped.hostile.test         ::ffff:10.0.0.1
            uniquelocal6.hostile.test   fd12:3456::1
            linklocal6.hostile.test     fe80::1
            multicast.hostile.test      224.0.0.1
            mixed.hostile.test          93.184.216.34 10.0.0.1
            xn--80ak6aa92e.com          127.0.0.1
            public.hostile.test         93.184.216.34
            """;

    /** {@link #DNS} by name, in its order. */
    static Map<String, List<String>> dns() {
        Map<String, List<String>> dns = new LinkedHashMap<>();
        DNS.lines().map(line -> line.trim().split("\\s+"))
                .forEach(fields -> dns.put(fields[0], List.of(fields).subList(1, fields.length)));
        return dns;
    }

    private record Domain(String input, String what) {
    }

    private final BadInputStore target;
    private final ProductionRulesSettings production;
    private final ConnectionTrap trap;
    private final JsonHttp sandboxControl;
    private final Map<String, String> sandboxTokens = new HashMap<>();

    HostileDomains(BadInputStore target, ProductionRulesSettings production, ConnectionTrap trap) {
        this.target = target;
        this.production = production;
        this.trap = trap;
        this.sandboxControl = new JsonHttp(target.system.sandboxUrl(), Map.of());
    }

    ResultTable run() {
        ResultTable table = new ResultTable("Table 2: hostile domains on connect", "domain", "what", "settings-service",
                "documented answer", "answer", "calls made");
        for (Domain domain : malformed()) {
            onSystemInstance(table, domain);
            onProductionRules(table, domain, "invalid_domain", "");
        }
        for (Map.Entry<String, List<String>> entry : dns().entrySet()) {
            if (!entry.getKey().equals(PUBLIC_NAME)) {
                onProductionRules(table, new Domain(entry.getKey(), "resolves to " + String.join(", ", entry.getValue())),
                        "invalid_domain", "public address");
            }
        }
        onProductionRules(table, new Domain("nowhere.hostile.test", "does not resolve"), "invalid_domain",
                "does not resolve");
        onProductionRules(table, new Domain(PUBLIC_NAME, "control: resolves to a public address"), "unreachable", "");
        return table;
    }

    /** Not bare host names: refused by their form alone, on every instance. */
    private static List<Domain> malformed() {
        List<Domain> domains = new ArrayList<>();
        add(domains, "localhost", "one label");
        add(domains, "localhost.", "one label, trailing dot");
        add(domains, "LOCALHOST", "upper case");
        add(domains, "127.0.0.1", "IPv4 loopback");
        add(domains, "0.0.0.0", "unspecified address");
        add(domains, "10.0.0.1", "private 10/8");
        add(domains, "172.16.0.1", "private 172.16/12");
        add(domains, "192.168.1.1", "private 192.168/16");
        add(domains, "169.254.169.254", "cloud metadata (link-local)");
        add(domains, "100.64.0.1", "carrier-grade NAT");
        add(domains, "[::1]", "IPv6 loopback, bracketed");
        add(domains, "::1", "IPv6 loopback");
        add(domains, "::ffff:127.0.0.1", "IPv4-mapped IPv6");
        add(domains, "[::ffff:7f00:1]", "IPv4-mapped IPv6, hex, bracketed");
        add(domains, "2130706433", "127.0.0.1 in decimal");
        add(domains, "0x7f000001", "127.0.0.1 in hex");
        add(domains, "0177.0.0.1", "127.0.0.1 in octal");
        add(domains, "017700000001", "127.0.0.1, one octal number");
        add(domains, "0x7f.0.0.1", "hex first byte");
        add(domains, "127.1", "short form of 127.0.0.1");
        add(domains, "0x7f.1", "short hex form");
        add(domains, "evil.com:22", "with a port");
        add(domains, "evil.com:443", "with the https port");
        add(domains, "user@evil.com", "with a user");
        add(domains, "user:pass@evil.com", "with credentials");
        add(domains, "http://evil.com", "with a scheme");
        add(domains, "https://evil.com/", "with a scheme and path");
        add(domains, "//evil.com", "scheme-relative");
        add(domains, "evil.com/api", "with a path");
        add(domains, "x/../y", "path traversal");
        add(domains, "evil.com?x=1", "with a query");
        add(domains, "evil.com#x", "with a fragment");
        add(domains, "evil.com\\@127.0.0.1", "backslash trick");
        add(domains, "", "empty");
        add(domains, "   ", "blank");
        add(domains, "a".repeat(64) + ".com", "label of 64 characters");
        add(domains, ("a".repeat(60) + ".").repeat(5) + "com", "name over 253 characters");
        add(domains, "evil..com", "empty label");
        add(domains, ".evil.com", "leading dot");
        add(domains, "-evil.com", "label starting with a hyphen");
        add(domains, "evil-.com", "label ending with a hyphen");
        add(domains, "exa mple.com", "with a space");
        add(domains, "example.com\r\nX-Injected: 1", "CR LF injection");
        add(domains, "%31%32%37.0.0.1", "percent-encoded 127");
        add(domains, "\u0435\u0445\u0430mple.com", "Cyrillic look-alike letters");
        add(domains, "example\u3002com", "ideographic full stop as dot");
        add(domains, "\uff11\uff12\uff17.0.0.1", "full-width digits");
        add(domains, "evil.com\u0000.example.com", "NUL in the name");
        return domains;
    }

    private static void add(List<Domain> domains, String input, String what) {
        domains.add(new Domain(input, what));
    }

    private void onSystemInstance(ResultTable table, Domain domain) {
        String token = sandboxTokenFor(domain.input());
        int before = token == null ? 0 : sandboxCalls(domain.input());
        RawHttp.Answer answer = connect(target.settingsUrl(), domain.input(), token == null ? "any-token" : token);
        int made = token == null ? 0 : sandboxCalls(domain.input()) - before;
        String calls = token == null ? "n/a (the sandbox refuses this name too)"
                : made + " at sandbox store " + domain.input().trim().toLowerCase();
        table.add(isRefused(answer, "invalid_domain", "") && made == 0, domain.input(), domain.what(),
                "as in tests (insecure, sandbox)", "422 invalid_domain, no call", answer.summary(), calls);
    }

    private void onProductionRules(ResultTable table, Domain domain, String code, String messagePart) {
        int before = trap.connections();
        RawHttp.Answer answer = connect(production.baseUrl(), domain.input(), "any-token");
        int calls = trap.connections() - before;
        boolean control = code.equals("unreachable");
        boolean callsAsDocumented = control ? calls >= 1 : calls == 0;
        table.add(isRefused(answer, code, messagePart) && callsAsDocumented, domain.input(), domain.what(),
                "production rules", "422 " + code + (control ? ", called" : ", no call"),
                answer.summary() + (messagePart.isEmpty() ? "" : " (" + messagePart + ")"), Integer.toString(calls));
    }

    private static boolean isRefused(RawHttp.Answer answer, String code, String messagePart) {
        return answer.status() == 422 && code.equals(answer.errorCode())
                && answer.body().path("error").path("message").asText().contains(messagePart);
    }

    private RawHttp.Answer connect(String settingsUrl, String domain, String token) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("access_token", token);
        return RawHttp.send("PUT", settingsUrl + target.integrationPath() + "/connection", target.headers(),
                "application/json", Bodies.json(body));
    }

    /**
     * A sandbox store of that very name with a valid token, so that a call, had one been made, would have connected;
     * null where the sandbox itself refuses the name.
     */
    private String sandboxTokenFor(String domain) {
        String name = domain.trim().toLowerCase();
        return sandboxTokens.computeIfAbsent(name, n -> {
            JsonHttp.Response created = sandboxControl.post("/_sandbox/stores", Map.of("domain", n));
            return created.status() == 201 ? created.body().path("token").asText() : null;
        });
    }

    private int sandboxCalls(String domain) {
        JsonNode calls = sandboxControl.get("/_sandbox/stores/" + domain.trim().toLowerCase() + "/calls")
                .expect(200, "sandbox call log");
        return calls.size();
    }
}
