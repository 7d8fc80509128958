package com.orderdesk.cartcom.kit.cartcom;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * DNS look-up, behind a bean so tests can answer with the addresses they need (an attacker's DNS that points a
 * connected store's domain at an internal address, say).
 */
@ApplicationScoped
public class HostResolver {
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }

    /**
     * Whether the host, resolved now, points only at public addresses ({@link PublicAddresses}).
     *
     * @throws UnknownHostException when it does not resolve, or to no address
     */
    public boolean resolvesToPublicOnly(String host) throws UnknownHostException {
        InetAddress[] addresses = resolve(host);
        if (addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same before a call: else an {@code UNREACHABLE} failure that names the host and no address (which would
     * tell what our network holds).
     */
    public void requirePublic(String host) throws UnknownHostException {
        if (!resolvesToPublicOnly(host)) {
            throw new CartcomException(CartcomException.Kind.UNREACHABLE, 0,
                    "refused: " + host + " resolves to an address that is not public", null, null);
        }
    }
}
