package com.orderdesk.cartcom.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a webhook subscriber on a free local port. /hook answers 200, /fail 500, /hang never answers (until
 * closed); every call that arrives is queued with its path, content type and JSON body.
 */
final class WebhookSubscriber implements AutoCloseable {

    record Received(String path, String contentType, JsonNode body, long atNanos) {
        long orderId() {
            return body.get("order").get("id").asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    WebhookSubscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next call, waiting at most the given seconds; null when none came. */
    Received next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    int pending() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(in), at));
        }
        if (path.startsWith("/hang")) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(path.startsWith("/fail") ? 500 : 200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
