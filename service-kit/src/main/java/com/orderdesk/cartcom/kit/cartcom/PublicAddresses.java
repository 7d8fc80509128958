package com.orderdesk.cartcom.kit.cartcom;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a store's domain may resolve to: public ones only, so that no merchant can point the services at
 * our own network (SSRF). Checked when a store connects (settings-service) and again before every call (the kit's
 * client), since a name can be pointed elsewhere after the check.
 */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    /**
     * Not loopback, private, link-local, carrier-grade NAT, reserved, unique-local, multicast or unspecified; an IPv6
     * address that carries an IPv4 one (NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible ::/96) only if that one
     * is public; never the discard prefix 100::/64 or the documentation prefix 2001:db8::/32.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19));
            return !carrierNat && !reserved;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc || startsWith(b, 0x01, 0x00, 0, 0, 0, 0, 0, 0) || startsWith(b, 0x20, 0x01, 0x0d, 0xb8)) {
                return false;
            }
            if (startsWith(b, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0) || startsWith(b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) {
                return isPublic(ipv4(b, 12));
            }
            if (startsWith(b, 0x20, 0x02)) {
                return isPublic(ipv4(b, 2));
            }
            return true;
        }
        return false;
    }

    private static boolean startsWith(byte[] address, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((address[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] address, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {address[from], address[from + 1], address[from + 2], address[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
