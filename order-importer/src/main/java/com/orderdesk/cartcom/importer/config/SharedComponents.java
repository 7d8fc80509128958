package com.orderdesk.cartcom.importer.config;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.outbox.Outbox;
import com.orderdesk.cartcom.model.snapshot.StoreSnapshots;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The common-model building blocks, wired to this service's datasource and configuration. */
@ApplicationScoped
public class SharedComponents {

    @Produces
    @ApplicationScoped
    Outbox outbox(AgroalDataSource dataSource) {
        return new Outbox(dataSource);
    }

    @Produces
    @ApplicationScoped
    StoreSnapshots storeSnapshots(AgroalDataSource dataSource) {
        return new StoreSnapshots(dataSource);
    }

    @Produces
    @ApplicationScoped
    TokenCrypto tokenCrypto(CartcomConfig config) {
        return TokenCrypto.fromConfig(config.tokenKeys(), config.tokenKeyId());
    }

    @Produces
    @ApplicationScoped
    CartcomClient cartcomClient(CartcomConfig config) {
        return new CartcomClient(new CartcomEndpoints(config.baseUrlTemplate(), config.allowInsecureBaseUrl()),
                config.connectTimeout(), config.requestTimeout());
    }
}
