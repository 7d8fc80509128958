package com.orderdesk.cartcom.kit.config;

import com.orderdesk.cartcom.kit.cartcom.CartcomClient;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import com.orderdesk.cartcom.kit.gauge.StoreGauges;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.kit.snapshot.StoreSnapshots;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The plain building blocks as beans, wired once from the service's configuration and datasource. */
public class KitProducers {

    @Produces
    @Singleton
    TokenCrypto tokenCrypto(CartcomConfig config) {
        return TokenCrypto.fromConfig(config.tokenKeys(), config.tokenKeyId());
    }

    /** Every call names the service making it ({@code User-Agent: orderdesk-cartcom/<quarkus.application.name>}). */
    @Produces
    @Singleton
    CartcomClient cartcomClient(CartcomConfig config, HostResolver dns,
                                @ConfigProperty(name = "quarkus.application.name") String service) {
        return new CartcomClient(new CartcomEndpoints(config.baseUrlTemplate(), config.allowInsecureBaseUrl(),
                config.storeAddressesChecked()), config.connectTimeout(), config.requestTimeout(), config.limits(), dns)
                .callingAs(service);
    }

    /** Writes through the JTA-enlisted datasource, so an event commits or rolls back with its change. */
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

    /** Needs the db/gauges migration in the service's quarkus.flyway.locations. */
    @Produces
    @Singleton
    StoreGauges storeGauges(AgroalDataSource dataSource) {
        return new StoreGauges(dataSource);
    }
}
