package com.orderdesk.cartcom.sandbox.webhook;

import com.orderdesk.cartcom.sandbox.fault.Misbehaviour;
import java.util.Random;

/** One store's webhook faults and their draws; with a seed the draws repeat exactly. */
public final class WebhookFaults implements Misbehaviour<WebhookFaultSettings> {

    private WebhookFaultSettings settings = WebhookFaultSettings.NONE;
    private Random random = new Random();

    /** What happens to one delivery. */
    public record Draw(boolean dropped, boolean duplicated, long delayMs, boolean reorder) {
    }

    @Override
    public synchronized void configure(WebhookFaultSettings newSettings) {
        settings = newSettings;
        random = newSettings.seed() == null ? new Random() : new Random(newSettings.seed());
    }

    @Override
    public synchronized void clear() {
        configure(WebhookFaultSettings.NONE);
    }

    @Override
    public synchronized WebhookFaultSettings settings() {
        return settings;
    }

    public synchronized Draw draw() {
        boolean dropped = settings.dropRate() > 0 && random.nextDouble() < settings.dropRate();
        boolean duplicated = !dropped && settings.duplicateRate() > 0 && random.nextDouble() < settings.duplicateRate();
        return new Draw(dropped, duplicated, settings.delayMs(), settings.reorder());
    }
}
