package com.orderdesk.cartcom.poller.bench;

import com.orderdesk.cartcom.poller.support.PackagedPoller;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One read of a service's /q/metrics (Prometheus text): each series by its name with labels, as printed. */
record PrometheusScrape(Map<String, Double> series) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static PrometheusScrape of(String metricsUrl) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(metricsUrl)).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + PackagedPoller.ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> series = new HashMap<>();
            for (String line : text.split("\n")) {
                int space = line.lastIndexOf(' ');
                if (line.isBlank() || line.startsWith("#") || space < 0) {
                    continue;
                }
                try {
                    series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                } catch (NumberFormatException e) {
                    // NaN and the like: not needed here
                }
            }
            return new PrometheusScrape(series);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + metricsUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of every series of {@code name} whose labels contain each of {@code labels} (e.g. {@code lane="polls"}). */
    double sum(String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> entry : series.entrySet()) {
            String key = entry.getKey();
            if (!(key.equals(name) || key.startsWith(name + "{"))) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= key.contains(label);
            }
            if (matches) {
                total += entry.getValue();
            }
        }
        return total;
    }
}
