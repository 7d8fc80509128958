package com.orderdesk.cartcom.settings.support;

import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/** Answers chosen names with chosen addresses (as an attacker's DNS would); other names go to the real resolver. */
public class FakeDns extends HostResolver {
    private final Map<String, List<String>> records;

    public FakeDns(Map<String, List<String>> records) {
        this.records = Map.copyOf(records);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> addresses = records.get(host);
        if (addresses == null) {
            return super.resolve(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = InetAddress.getByName(addresses.get(i)); // literals: no look-up
        }
        return resolved;
    }
}
