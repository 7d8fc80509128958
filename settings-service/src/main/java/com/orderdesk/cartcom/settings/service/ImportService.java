package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.model.events.ManualImportRequested;
import com.orderdesk.cartcom.model.events.Topics;
import com.orderdesk.cartcom.kit.outbox.Outbox;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.entity.ManualImport;
import com.orderdesk.cartcom.settings.entity.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Manual imports: recorded here and requested from the poller (ManualImportRequested through the outbox). */
@ApplicationScoped
public class ImportService {

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock = Clock.systemUTC();

    ImportService(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    @Transactional
    public ManualImport request(long storeId, String sinceText) {
        Store store = Store.findById(storeId);
        if (store == null) {
            throw ApiException.notFound("store");
        }
        Instant since = SinceParser.parse(sinceText, ZoneId.of(store.timezone), clock);
        CartcomConnection connection = CartcomConnection.findById(storeId);
        if (connection == null || !connection.usable()) {
            throw ApiException.notConnected();
        }
        CartcomSettings settings = CartcomSettings.findById(storeId);
        if (settings.downloadStatusIds.isEmpty()) {
            throw new ApiException(409, "settings_required",
                    "Save the integration settings (Download These Orders) before importing");
        }
        ManualImport manualImport = new ManualImport();
        manualImport.id = UUID.randomUUID();
        manualImport.storeId = storeId;
        manualImport.since = since;
        manualImport.status = ManualImport.QUEUED;
        manualImport.requestedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        manualImport.persist();
        entityManager.flush();
        outbox.add(Topics.IMPORT_REQUESTS, ManualImportRequested.of(storeId, manualImport.id, since));
        return manualImport;
    }

    /** The store's most recent import, if it ever asked for one. */
    public Optional<ManualImport> latest(long storeId) {
        return ManualImport.<ManualImport>find("storeId = ?1 order by requestedAt desc", storeId).firstResultOptional();
    }

    public ManualImport get(long storeId, UUID importId) {
        ManualImport found = ManualImport.findById(importId);
        if (found == null || found.storeId != storeId) {
            throw ApiException.notFound("import");
        }
        return found;
    }
}
