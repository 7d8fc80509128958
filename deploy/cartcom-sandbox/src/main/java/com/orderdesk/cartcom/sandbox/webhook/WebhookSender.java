package com.orderdesk.cartcom.sandbox.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderdesk.cartcom.sandbox.config.SandboxConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Calls webhook subscribers for every store, off the request thread that caused the event: a fixed set of
 * threads, each call given Cart.com's 3 seconds, and at most webhook-queue-capacity calls waiting at once, so
 * a subscriber that hangs or a flood of events cannot exhaust the sandbox. No retries (Cart.com makes none).
 */
@ApplicationScoped
public class WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService workers;
    private final Semaphore capacity;
    private final AtomicLong overflowed = new AtomicLong();
    private final long reorderHoldMs;
    private final Clock clock;
    private final ObjectMapper mapper;

    public WebhookSender(SandboxConfig config, Clock clock, ObjectMapper mapper) {
        this.workers = Executors.newScheduledThreadPool(config.webhookThreads(), daemonThreads());
        this.capacity = new Semaphore(config.webhookQueueCapacity());
        this.reorderHoldMs = config.webhookReorderHoldMs();
        this.clock = clock;
        this.mapper = mapper;
    }

    /** Sends the deliveries one after another, delayMs from now; drops them all when too many calls wait. */
    void submit(StoreWebhooks box, List<Delivery> sequence, long delayMs) {
        if (!capacity.tryAcquire()) {
            long dropped = overflowed.addAndGet(sequence.size());
            if (dropped - sequence.size() < 1 || dropped / 100 != (dropped - sequence.size()) / 100) {
                // A flood would flood the log too: the first drop and then one line per hundred.
                LOG.warnf("Webhook queue full: %d deliveries dropped so far (dropped_overflow)", dropped);
            }
            sequence.forEach(d -> box.log().record(DeliveryRecord.unsent(now(), d, "dropped_overflow")));
            return;
        }
        try {
            workers.schedule(() -> {
                try {
                    sequence.forEach(d -> send(box, d));
                } finally {
                    capacity.release();
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            capacity.release(); // shutting down
        }
    }

    /** Runs a small task later (releasing a delivery the reorder fault held back). */
    void later(long delayMs, Runnable task) {
        try {
            workers.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: nothing is sent any more
        }
    }

    long reorderHoldMs() {
        return reorderHoldMs;
    }

    Instant now() {
        return clock.instant();
    }

    String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(StoreWebhooks box, Delivery delivery) {
        if (box.closed()) {
            return;
        }
        DeliveryRecord result = post(delivery, delivery.url());
        box.log().record(result);
        boolean failed = result.status() == null || result.status() / 100 != 2;
        if (failed && delivery.fallbackUrl() != null && !box.closed()) {
            box.log().record(post(delivery, delivery.fallbackUrl()));
        }
    }

    private DeliveryRecord post(Delivery delivery, String url) {
        Instant at = now();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body())).build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            response.body().close(); // the answer of a notification is not read; a slow body must not hold a thread
        } catch (HttpTimeoutException e) {
            error = "timeout";
        } catch (ConnectException e) {
            error = "connection refused";
        } catch (IOException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException e) {
            error = "invalid url";
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new DeliveryRecord(at, delivery.eventType(), url, delivery.orderId(), status, error, delivery.fault(),
                durationMs);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "webhook-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
