package com.orderdesk.cartcom.sandbox.webhook;

import com.orderdesk.cartcom.sandbox.fault.SeededMisbehaviour;
import java.util.Random;

/** One store's webhook faults and their draws; with a seed the draws repeat exactly. */
public final class WebhookFaults extends SeededMisbehaviour<WebhookFaultSettings> {

    public WebhookFaults() {
        super(WebhookFaultSettings.NONE, WebhookFaultSettings::seed);
    }

    /** What happens to one delivery. */
    public record Draw(boolean dropped, boolean duplicated, long delayMs, boolean reorder) {
    }

    public synchronized Draw draw() {
        WebhookFaultSettings settings = settings();
        Random random = random();
        boolean dropped = settings.dropRate() > 0 && random.nextDouble() < settings.dropRate();
        boolean duplicated = !dropped && settings.duplicateRate() > 0 && random.nextDouble() < settings.duplicateRate();
        return new Draw(dropped, duplicated, settings.delayMs(), settings.reorder());
    }
}
