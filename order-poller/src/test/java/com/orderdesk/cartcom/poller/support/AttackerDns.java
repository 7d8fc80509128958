package com.orderdesk.cartcom.poller.support;

import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import io.quarkus.test.Mock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DNS of the poller under test. The sandbox's store domains do not resolve, so where a test profile turns the
 * per-call address check on ({@code cartcom.check-store-addresses}), every name answers a public address, except
 * those a test has pointed elsewhere, as a merchant who controls a connected store's DNS would (rebinding).
 */
@Mock
public class AttackerDns extends HostResolver {
    /** A public address (nothing connects to it: the sandbox template puts the domain in the path). */
    private static final String PUBLIC = "93.184.216.34";
    private static final Map<String, String> POINTED = new ConcurrentHashMap<>();

    /** From now on, {@code domain} resolves to {@code address} (a literal: no look-up). */
    public static void point(String domain, String address) {
        POINTED.put(domain, address);
    }

    public static void forget(String domain) {
        POINTED.remove(domain);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByName(POINTED.getOrDefault(host, PUBLIC))};
    }
}
