package com.orderdesk.cartcom.settings.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import com.orderdesk.cartcom.kit.cartcom.PublicAddresses;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.settings.support.StaticCartcomConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production path: resolution must give only public addresses (no test setting skips it here). */
class DomainValidatorTest {

    @Test
    void aDomainResolvingToPublicAddressesIsAccepted() throws Exception {
        DomainValidator validator = productionValidator(Map.of("shop.example.com", "93.184.216.34"));
        assertEquals("shop.example.com", validator.validate("Shop.Example.com."));
    }

    @Test
    void aDomainPointingIntoOurNetworkIsInvalid() {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "192.168.0.10", "172.16.5.5", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1"}) {
            DomainValidator validator = productionValidator(Map.of("shop.example.com", address));
            ApiException e = assertThrows(ApiException.class, () -> validator.validate("shop.example.com"), address);
            assertEquals("invalid_domain", e.code());
            assertEquals(422, e.status());
        }
    }

    @Test
    void aDomainThatDoesNotResolveIsInvalid() {
        DomainValidator validator = productionValidator(Map.of());
        assertEquals("invalid_domain", assertThrows(ApiException.class, () -> validator.validate("nowhere.example")).code());
    }

    @Test
    void addressesInTheFormsSomeResolversAcceptAreNotNames() {
        for (String domain : new String[] {"127.1", "0x7f.1", "10.0.0.1", "shop.123"}) {
            ApiException e = assertThrows(ApiException.class, () -> DomainValidator.syntaxCheck(domain), domain);
            assertEquals("invalid_domain", e.code());
        }
        assertEquals("xn--bcher-kva.example", DomainValidator.syntaxCheck("xn--bcher-kva.example"));
    }

    @Test
    void publicAddresses() throws Exception {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName("8.8.8.8")));
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName("2606:4700::1111")));
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName("::ffff:127.0.0.1")));
    }

    private static DomainValidator productionValidator(Map<String, String> dns) {
        return new DomainValidator(StaticCartcomConfig.production(), new HostResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String address = dns.get(host);
                if (address == null) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {InetAddress.getByName(address)};
            }
        });
    }
}
