package com.orderdesk.cartcom.settings.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** DNS look-up, behind a bean so tests can answer with the addresses they need. */
@ApplicationScoped
public class HostResolver {
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
