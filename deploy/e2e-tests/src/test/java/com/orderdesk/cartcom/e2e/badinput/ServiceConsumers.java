package com.orderdesk.cartcom.e2e.badinput;

import com.orderdesk.cartcom.launcher.Service;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which service consumes which topic, from each service's {@code application.properties}
 * ({@code mp.messaging.incoming.<channel>.topic}): every consumer group of a topic must dead-letter a bad record
 * of that topic once.
 */
final class ServiceConsumers {
    /** The channel's own topic, not its {@code dead-letter-queue.topic}. */
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    /** Topic to the services (consumer groups) reading it. */
    static Map<String, List<String>> read(Path repoRoot) {
        Map<String, List<String>> consumers = new TreeMap<>();
        for (Service service : Service.values()) {
            Properties config = load(repoRoot.resolve(service.module()).resolve("src/main/resources/application.properties"));
            for (String name : config.stringPropertyNames()) {
                Matcher incoming = INCOMING_TOPIC.matcher(name);
                if (incoming.matches()) {
                    String channel = "mp.messaging.incoming." + incoming.group(1);
                    String group = config.getProperty(channel + ".group.id", service.module());
                    consumers.computeIfAbsent(config.getProperty(name).trim(), t -> new ArrayList<>()).add(group);
                }
            }
        }
        return consumers;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return properties;
    }

    private ServiceConsumers() {
    }
}
