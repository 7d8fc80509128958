package com.orderdesk.cartcom.shipments.config;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.outbox.Outbox;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The common-model building blocks as CDI beans, wired to this service's data source and configuration. */
public class SharedComponents {

    @Produces
    @Singleton
    Outbox outbox(AgroalDataSource dataSource) {
        return new Outbox(dataSource);
    }

    @Produces
    @Singleton
    StoreSnapshots storeSnapshots(AgroalDataSource dataSource) {
        return new StoreSnapshots(dataSource);
    }

    @Produces
    @Singleton
    TokenCrypto tokenCrypto(CartcomConfig config) {
        return TokenCrypto.fromConfig(config.tokenKeys(), config.tokenKeyId());
    }

    @Produces
    @Singleton
    CartcomClient cartcomClient(CartcomConfig config) {
        return new CartcomClient(new CartcomEndpoints(config.baseUrlTemplate(), config.allowInsecureBaseUrl()),
                config.connectTimeout(), config.requestTimeout());
    }
}
