package com.orderdesk.cartcom.kit.cartcom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class PublicAddressesTest {

    private static boolean isPublic(String literal) throws UnknownHostException {
        return PublicAddresses.isPublic(InetAddress.getByName(literal));
    }

    @Test
    void publicAddressesPass() throws UnknownHostException {
        assertTrue(isPublic("8.8.8.8"));
        assertTrue(isPublic("2606:4700::1111"));
        assertTrue(isPublic("64:ff9b::808:808"), "NAT64 of 8.8.8.8");
        assertTrue(isPublic("2002:808:808::1"), "6to4 of 8.8.8.8");
    }

    @Test
    void ourOwnNetworkDoesNot() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "240.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1"}) {
            assertFalse(isPublic(address), address);
        }
    }

    /** The IPv6 forms that carry an IPv4 address or go nowhere, which count as public when read as plain IPv6. */
    @Test
    void ipv6FormsOfPrivateAddressesDoNot() throws UnknownHostException {
        assertFalse(isPublic("64:ff9b::a9fe:a9fe"), "NAT64 of 169.254.169.254");
        assertFalse(isPublic("64:ff9b::7f00:1"), "NAT64 of 127.0.0.1");
        assertFalse(isPublic("2002:a00:1::1"), "6to4 of 10.0.0.1");
        assertFalse(isPublic("::a9fe:a9fe"), "IPv4-compatible 169.254.169.254");
        assertFalse(isPublic("100::1"), "discard prefix");
        assertFalse(isPublic("2001:db8::1"), "documentation prefix");
    }
}
