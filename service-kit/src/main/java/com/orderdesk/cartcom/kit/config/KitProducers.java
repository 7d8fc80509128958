package com.orderdesk.cartcom.kit.config;

import com.orderdesk.cartcom.kit.budget.CallBudget;
import com.orderdesk.cartcom.kit.budget.LocalCallBudget;
import com.orderdesk.cartcom.kit.budget.RemoteCallBudget;
import com.orderdesk.cartcom.kit.cartcom.CartcomClient;
import com.orderdesk.cartcom.kit.cartcom.CartcomEndpoints;
import com.orderdesk.cartcom.kit.cartcom.HostResolver;
import com.orderdesk.cartcom.kit.jdbc.Sql;
import com.orderdesk.cartcom.model.crypto.TokenCrypto;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    /**
     * The store's shared call budget, as order-poller serves it when {@code cartcom.budget.urls} names it; otherwise
     * this process's own. order-poller declares its own bean, the ledger in its database, which replaces this one.
     */
    @Produces
    @Singleton
    @DefaultBean
    CallBudget callBudget(CartcomConfig config, @ConfigProperty(name = "orderdesk.admin-token") Optional<String> adminToken) {
        CartcomConfig.Budget budget = config.budget();
        List<String> urls = budget.urls().orElse(List.of()).stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        if (urls.isEmpty()) {
            return new LocalCallBudget(budget.timing(), Clock.systemUTC());
        }
        if (adminToken.isEmpty()) {
            throw new IllegalStateException("cartcom.budget.urls needs orderdesk.admin-token: the shared budget only "
                    + "answers the admin token");
        }
        return new RemoteCallBudget(urls.stream().map(URI::create).toList(), adminToken.get(), budget.timing(),
                budget.requestTimeout(), budget.fallbackFor(), Clock.systemUTC());
    }

    /**
     * How the services' repositories and the kit's own tables (the outbox, the snapshot copy, the gauges) run SQL, on
     * the JTA-enlisted datasource: inside a transaction, an outbox row commits or rolls back with the change it announces.
     */
    @Produces
    @Singleton
    Sql sql(AgroalDataSource dataSource) {
        return new Sql(dataSource);
    }
}
