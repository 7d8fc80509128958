package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import com.orderdesk.cartcom.kit.config.CartcomConfig;
import com.orderdesk.cartcom.kit.rest.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A store domain must be a bare host name (no scheme, path, port, credentials or IP literal) that resolves only
 * to public addresses: the service calls whatever a merchant types in, so it must not be pointed at our own
 * network (SSRF). {@code cartcom.allow-insecure-base-url} skips the address check for the sandbox and tests.
 */
@ApplicationScoped
public class DomainValidator {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_NUMERIC = Pattern.compile("[0-9.]+");

    private final HostResolver resolver;
    /** Off only where the insecure base URL is allowed (the sandbox, tests), as for every call (kit client). */
    private final boolean publicAddressesOnly;

    DomainValidator(CartcomConfig config, HostResolver resolver) {
        this.resolver = resolver;
        this.publicAddressesOnly = config.storeAddressesChecked();
    }

    /** The normalized (lower-case, no trailing dot) domain, or an {@code invalid_domain} ApiException. */
    public String validate(String input) {
        String domain = syntaxCheck(input);
        if (publicAddressesOnly) {
            requirePublicAddresses(domain);
        }
        return domain;
    }

    static String syntaxCheck(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("Enter the store's domain, for example mystore.com");
        }
        String domain = input.trim().toLowerCase(Locale.ROOT);
        if (domain.contains("://")) {
            throw invalid("Enter only the domain, without http:// or https://");
        }
        if (domain.contains("@")) {
            throw invalid("Enter only the domain, without user name or password");
        }
        if (domain.contains("/") || domain.contains("?") || domain.contains("#")) {
            throw invalid("Enter only the domain, without a path");
        }
        if (domain.startsWith("[") || domain.chars().filter(c -> c == ':').count() > 1) {
            throw invalid("Enter a domain name, not an IP address");
        }
        if (domain.contains(":")) {
            throw invalid("Enter only the domain, without a port");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (ALL_NUMERIC.matcher(domain).matches()) {
            throw invalid("Enter a domain name, not an IP address");
        }
        String[] labels = domain.split("\\.", -1);
        if (domain.length() > 253 || labels.length < 2) {
            throw invalid("Enter the store's full domain, for example mystore.com");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("'" + input.trim() + "' is not a valid domain name");
            }
        }
        // Every top-level domain starts with a letter; "127.1" or "0x7f.1" are addresses in the forms some resolvers
        // accept (inet_aton), not names.
        if (!Character.isLetter(labels[labels.length - 1].charAt(0))
                || labels[labels.length - 1].startsWith("0x")) {
            throw invalid("Enter a domain name, not an IP address");
        }
        return domain;
    }

    private void requirePublicAddresses(String domain) {
        boolean publicOnly;
        try {
            publicOnly = resolver.resolvesToPublicOnly(domain);
        } catch (UnknownHostException e) {
            throw invalid("The domain " + domain + " does not resolve");
        }
        if (!publicOnly) {
            throw invalid("The domain " + domain + " does not point to a public address");
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(422, "invalid_domain", message);
    }
}
