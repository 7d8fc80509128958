package com.orderdesk.cartcom.settings.ui;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.model.events.StoreIntegrationChanged;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.CartcomSettings;
import com.orderdesk.cartcom.settings.entity.Folder;
import com.orderdesk.cartcom.settings.entity.ManualImport;
import com.orderdesk.cartcom.settings.entity.Store;
import com.orderdesk.cartcom.settings.repository.ActivityRepository;
import com.orderdesk.cartcom.settings.service.CheckInterval;
import com.orderdesk.cartcom.settings.service.ConnectionService;
import com.orderdesk.cartcom.settings.service.ImportService;
import com.orderdesk.cartcom.settings.service.OrderStatusCache;
import com.orderdesk.cartcom.settings.service.SettingsService;
import com.orderdesk.cartcom.settings.ui.PageView.ActivityPanel;
import com.orderdesk.cartcom.settings.ui.PageView.ActivityRow;
import com.orderdesk.cartcom.settings.ui.PageView.ConnectionPanel;
import com.orderdesk.cartcom.settings.ui.PageView.Header;
import com.orderdesk.cartcom.settings.ui.PageView.ImportPanel;
import com.orderdesk.cartcom.settings.ui.PageView.ImportProgress;
import com.orderdesk.cartcom.settings.ui.PageView.Option;
import com.orderdesk.cartcom.settings.ui.PageView.SettingsPanel;
import com.orderdesk.cartcom.settings.ui.PageView.StatusPanel;
import com.orderdesk.cartcom.settings.ui.PageView.When;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds what the merchant's page shows from the same services and reads the REST API uses (connection, settings,
 * live statuses, imports, status and activity), so the page never knows more or other than the API.
 */
@ApplicationScoped
public class UiPages {
    static final int ACTIVITY_PAGE_SIZE = 10;
    static final List<String> LEVELS = List.of("info", "warn", "error");
    /** How often the status and activity panels reload themselves; an import's progress reloads every second. */
    static final int PANEL_REFRESH_SECONDS = 3;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConnectionService connections;
    private final SettingsService settings;
    private final OrderStatusCache statuses;
    private final ImportService imports;
    private final ActivityRepository activities;

    UiPages(ConnectionService connections, SettingsService settings, OrderStatusCache statuses, ImportService imports,
            ActivityRepository activities) {
        this.connections = connections;
        this.settings = settings;
        this.statuses = statuses;
        this.imports = imports;
        this.activities = activities;
    }

    public PageView page(long storeId, String csrf, PageState state) {
        Store store = Store.findById(storeId);
        ZoneId zone = ZoneId.of(store.timezone);
        CartcomConnection connection = connections.current(storeId);
        boolean connected = connection != null && connection.usable();
        ConnectionPanel connectionPanel = new ConnectionPanel(connected, connection == null ? null : connection.domain,
                connected ? connection.tokenHint : null, connected ? when(connection.verifiedAt, zone) : null,
                state.domainInput() != null ? state.domainInput() : connection == null ? "" : connection.domain,
                state.connectionProblem());
        CartcomSettings saved = settings.get(storeId);
        SettingsForm form = state.settingsForm() != null ? state.settingsForm() : SettingsForm.of(saved);
        ImportPanel importPanel = new ImportPanel(connected && saved.savedAt != null, LocalDate.now(zone).toString(),
                state.sinceInput() == null ? "" : state.sinceInput(), state.importProblem(),
                imports.latest(storeId).map(i -> progress(i, zone)).orElse(null));
        return new PageView(new Header(store.name, storeId, store.timezone, csrf),
                connectionPanel, settingsPanel(storeId, connected, form, saved, zone, state), importPanel,
                status(storeId), activity(storeId, state.level(), state.page()), notice(state.notice()));
    }

    private SettingsPanel settingsPanel(long storeId, boolean connected, SettingsForm form, CartcomSettings saved,
                                        ZoneId zone, PageState state) {
        List<OrderStatus> live = List.of();
        Problem statusesProblem = null;
        if (connected) {
            try {
                live = statuses.statuses(storeId, state.refreshStatuses());
            } catch (ApiException e) {
                statusesProblem = Problem.of(e);
            }
        }
        List<Option> intervals = CheckInterval.OFFERED.stream()
                .map(m -> new Option(m.toString(), intervalLabel(m), m.equals(form.checkIntervalMinutes()))).toList();
        List<Option> downloads = live.stream().map(s -> new Option(String.valueOf(s.id()), label(s),
                form.downloadStatusIds().contains(s.id()))).toList();
        List<Option> folders = Folder.ofStore(storeId).stream()
                .map(f -> new Option(f.id.toString(), f.name, f.id.equals(form.folderId()))).toList();
        List<Option> when = List.of(
                new Option(StoreIntegrationChanged.AFTER_EACH_SHIPMENT, "after every shipment",
                        !StoreIntegrationChanged.AFTER_FULLY_SHIPPED.equals(form.afterShipmentStatusWhen())),
                new Option(StoreIntegrationChanged.AFTER_FULLY_SHIPPED, "once every item has shipped",
                        StoreIntegrationChanged.AFTER_FULLY_SHIPPED.equals(form.afterShipmentStatusWhen())));
        return new SettingsPanel(connected, form.enabled(), intervals, downloads, folders,
                statusChoices(live, form.afterImportStatusId()), statusChoices(live, form.afterShipmentStatusId()), when,
                form.syncTrackingNumbers(), form.orderPrefix(), when(saved.savedAt, zone), statusesProblem,
                state.settingsProblem());
    }

    /** "Leave unchanged" first (null in the API), then the store's statuses. */
    private static List<Option> statusChoices(List<OrderStatus> live, Long chosen) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Leave the status unchanged", chosen == null));
        live.forEach(s -> options.add(new Option(String.valueOf(s.id()), s.name(), Objects.equals(chosen, s.id()))));
        return options;
    }

    private static String label(OrderStatus s) {
        List<String> traits = new ArrayList<>();
        if (s.isOpen()) {
            traits.add("open");
        }
        if (s.isShipped()) {
            traits.add("shipped");
        }
        if (s.isCancelled()) {
            traits.add("cancelled");
        }
        if (s.isDeclined()) {
            traits.add("declined");
        }
        if (s.isQuoteStatus()) {
            traits.add("quote");
        }
        return traits.isEmpty() ? s.name() : s.name() + " (" + String.join(", ", traits) + ")";
    }

    private static String intervalLabel(int minutes) {
        if (minutes < 60) {
            return "Every " + minutes + " minutes";
        }
        int hours = minutes / 60;
        return hours == 1 ? "Every hour" : hours == 24 ? "Once a day" : "Every " + hours + " hours";
    }

    public ImportProgress importProgress(long storeId, UUID importId) {
        ManualImport found = imports.get(storeId, importId);
        return progress(found, zone(storeId));
    }

    private static ImportProgress progress(ManualImport i, ZoneId zone) {
        boolean done = ManualImport.COMPLETED.equals(i.status) || ManualImport.FAILED.equals(i.status);
        long handled = i.ordersImported + i.ordersSkipped + i.ordersFailed;
        int percent = ManualImport.COMPLETED.equals(i.status) ? 100
                : i.ordersFound == 0 ? 0 : (int) Math.min(99, handled * 100 / i.ordersFound);
        return new ImportProgress(i.id.toString(), i.status, when(i.since, zone), i.ordersFound, i.ordersImported,
                i.ordersSkipped, i.ordersFailed, percent, done, i.lastMessage);
    }

    public StatusPanel status(long storeId) {
        ZoneId zone = zone(storeId);
        CartcomConnection connection = connections.current(storeId);
        CartcomSettings saved = settings.get(storeId);
        boolean connected = connection != null && connection.usable();
        ActivityRepository.StoreStatus status = activities.status(storeId);
        ActivityRepository.Entry error = status.lastError();
        // The poller polls each store on its interval from its last poll: the next one is due then (or soon, when the
        // store has not been polled yet).
        Instant nextPoll = connected && saved.enabled && status.lastPollAt() != null
                ? status.lastPollAt().plusSeconds(60L * saved.checkIntervalMinutes) : null;
        Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        return new StatusPanel(connected, saved.enabled, when(status.lastPollAt(), zone), when(nextPoll, zone),
                when(status.lastSuccessAt(), zone), activities.ordersImportedSince(storeId, midnight),
                status.ordersImported(), status.statusUpdatesPending(), status.shipmentsPending(),
                error == null ? null : error.kind(), error == null ? null : error.message(),
                error == null ? null : when(error.at(), zone), status.consecutivePollFailures(),
                when(status.failingSince(), zone), PANEL_REFRESH_SECONDS);
    }

    /** {@code level} null or unknown: every level. {@code page} 0 is the newest. */
    public ActivityPanel activity(long storeId, String level, int page) {
        ZoneId zone = zone(storeId);
        String filter = level != null && LEVELS.contains(level) ? level : null;
        int shown = Math.max(0, page);
        List<ActivityRepository.Entry> entries = activities.page(storeId, filter, ACTIVITY_PAGE_SIZE + 1,
                shown * ACTIVITY_PAGE_SIZE);
        boolean older = entries.size() > ACTIVITY_PAGE_SIZE;
        List<ActivityRow> rows = entries.stream().limit(ACTIVITY_PAGE_SIZE)
                .map(e -> new ActivityRow(when(e.at(), zone), e.level(), e.kind(), e.message(), detail(e))).toList();
        List<Option> levels = new ArrayList<>();
        levels.add(new Option("", "All levels", filter == null));
        LEVELS.forEach(l -> levels.add(new Option(l, l, l.equals(filter))));
        String query = filter == null ? "" : "level=" + filter + "&";
        return new ActivityPanel(levels, filter == null ? "" : filter, shown, rows, shown > 0, older,
                "/ui/activity?" + query + "page=" + shown, "/ui/?" + query + "page=" + (shown - 1) + "#activity",
                "/ui/?" + query + "page=" + (shown + 1) + "#activity", PANEL_REFRESH_SECONDS);
    }

    private static String detail(ActivityRepository.Entry e) {
        List<String> parts = new ArrayList<>();
        if (e.cartOrderId() != null) {
            parts.add("Cart.com order " + e.cartOrderId());
        }
        if (e.orderId() != null) {
            parts.add("Order Desk order " + e.orderId());
        }
        if (!e.counts().isEmpty()) {
            parts.add(e.counts().entrySet().stream().map(c -> c.getKey() + " " + c.getValue())
                    .collect(Collectors.joining(", ")));
        }
        return String.join("; ", parts);
    }

    /** Fixed notices by key: nothing a request carries is echoed into the page. */
    private static final Map<String, String> NOTICES = Map.of(
            "connected", "Connected to Cart.com. Now choose your settings and save them.",
            "disconnected", "Disconnected: Order Desk no longer downloads orders or sends shipments for this store.",
            "saved", "Settings saved.",
            "import", "Import started.");

    private static String notice(String key) {
        return key == null ? null : NOTICES.get(key);
    }

    private static ZoneId zone(long storeId) {
        return ZoneId.of(Store.<Store>findByIdOptional(storeId).map(s -> s.timezone).orElse("UTC"));
    }

    private static When when(Instant at, ZoneId zone) {
        return at == null ? null : new When(at.toString(), SHOWN.format(at.atZone(zone)));
    }
}
