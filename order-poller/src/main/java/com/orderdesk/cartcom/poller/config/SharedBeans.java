package com.orderdesk.cartcom.poller.config;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.outbox.Outbox;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.UUID;

/** The common-model building blocks, wired once from configuration. */
public class SharedBeans {

    @Produces
    @Singleton
    CartcomClient cartcomClient(CartcomConfig config) {
        return new CartcomClient(new CartcomEndpoints(config.baseUrlTemplate(), config.allowInsecureBaseUrl()),
                config.connectTimeout(), config.requestTimeout());
    }

    @Produces
    @Singleton
    TokenCrypto tokenCrypto(CartcomConfig config) {
        return TokenCrypto.fromConfig(config.tokenKeys(), config.tokenKeyId());
    }

    @Produces
    @Singleton
    StoreSnapshots storeSnapshots(AgroalDataSource dataSource) {
        return new StoreSnapshots(dataSource);
    }

    @Produces
    @Singleton
    Outbox outbox(AgroalDataSource dataSource) {
        return new Outbox(dataSource);
    }

    /** The lease owner name of this process. */
    @Produces
    @Singleton
    InstanceId instanceId(PollerConfig config) {
        return new InstanceId(config.instanceId().orElseGet(() -> hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "order-poller";
        }
    }

    public record InstanceId(String value) {
    }
}
