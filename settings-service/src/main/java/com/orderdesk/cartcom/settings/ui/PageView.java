package com.orderdesk.cartcom.settings.ui;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * Everything the merchant's page shows, computed before rendering so that the templates only lay it out. Times are
 * already in the store's time zone ({@link When}); select options carry whether they are selected.
 */
@TemplateData
public record PageView(Header header, ConnectionPanel connection, SettingsPanel settings, ImportPanel imports,
                       StatusPanel status, ActivityPanel activity, String notice) {

    @TemplateData
    public record Header(String storeName, long storeId, String timezone, String csrf) {
    }

    /** A moment as the page shows it: ISO for the {@code <time>} element, text in the store's time zone. */
    @TemplateData
    public record When(String iso, String text) {
    }

    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    @TemplateData
    public record ConnectionPanel(boolean connected, String domain, String tokenHint, When verifiedAt,
                                  String domainInput, Problem problem) {
    }

    /** {@code statuses} is empty when the store is not connected or Cart.com could not be read ({@code statusesProblem}). */
    @TemplateData
    public record SettingsPanel(boolean available, boolean enabled, List<Option> intervals, List<Option> downloadStatuses,
                                List<Option> folders, List<Option> afterImportStatuses,
                                List<Option> afterShipmentStatuses, List<Option> afterShipmentWhen,
                                boolean syncTrackingNumbers, String orderPrefix, When savedAt, Problem statusesProblem,
                                Problem problem) {
    }

    @TemplateData
    public record ImportPanel(boolean available, String today, String sinceInput, Problem problem, ImportProgress current) {
    }

    /** {@code percent} of the orders found that were handled (imported, skipped or failed); 100 once it finished. */
    @TemplateData
    public record ImportProgress(String id, String status, When since, long found, long imported, long skipped,
                                 long failed, int percent, boolean done, String message) {
    }

    @TemplateData
    public record StatusPanel(boolean connected, boolean enabled, When lastPoll, When nextPoll, When lastSuccess,
                              long importedToday, long importedTotal, long statusUpdatesPending, long shipmentsPending,
                              String lastErrorCode, String lastErrorMessage, When lastErrorAt, long consecutiveFailures,
                              When failingSince, int refreshSeconds) {
    }

    @TemplateData
    public record ActivityPanel(List<Option> levels, String level, int page, List<ActivityRow> rows, boolean hasNewer,
                                boolean hasOlder, String refreshUrl, String newerUrl, String olderUrl,
                                int refreshSeconds) {
    }

    @TemplateData
    public record ActivityRow(When at, String level, String kind, String message, String detail) {
    }
}
