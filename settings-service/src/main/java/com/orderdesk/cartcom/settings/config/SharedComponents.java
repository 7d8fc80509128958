package com.orderdesk.cartcom.settings.config;

import com.orderdesk.cartcom.model.cartcom.CartcomClient;
import com.orderdesk.cartcom.model.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import com.orderdesk.cartcom.model.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The common-model building blocks, configured once for the whole service. */
public class SharedComponents {

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

    /** Writes through the JTA-enlisted DataSource, so an event commits or rolls back with its change. */
    @Produces
    @Singleton
    Outbox outbox(AgroalDataSource dataSource) {
        return new Outbox(dataSource);
    }
}
