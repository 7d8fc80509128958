package com.orderdesk.cartcom.k8s;

import com.orderdesk.cartcom.model.events.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service needs of Kafka, read from its own sources rather than written down a second time: the topics its
 * channels consume (mp.messaging.incoming.*.topic) with their consumer groups and dead-letter topics, the topics its
 * channels produce (mp.messaging.outgoing.*.topic), and the topics its code and the kit's send to through the outbox
 * or a producer of its own (every {@code Topics.X} constant named in main code).
 */
record ServiceWiring(String name, int httpPort, Set<String> consumes, Set<String> groups, Set<String> produces) {
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z_]+)\\b");

    static ServiceWiring of(Path root, String service) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(service + "/src/main/resources/application.properties"))) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> consumes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Set<String> produces = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = props.getProperty(key).trim();
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                consumes.add(value);
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                groups.add(value);
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")) {
                produces.add(value);
            } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                produces.add(value);
            } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.failure-strategy")
                    && value.equals("dead-letter-queue")) {
                String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".failure-strategy".length());
                if (props.getProperty("mp.messaging.incoming." + channel + ".dead-letter-queue.topic") == null) {
                    throw new IllegalStateException(service + " channel " + channel + " dead-letters to SmallRye's default "
                            + "topic (dead-letter-topic-" + channel + "), which has no KafkaTopic: name it");
                }
            }
        }
        produces.addAll(topicsNamedIn(root.resolve(service + "/src/main/java")));
        // Every service runs the kit's outbox relay: what the kit's main code sends (activity) is sent by each of them.
        produces.addAll(topicsNamedIn(root.resolve("service-kit/src/main/java")));
        int port = Integer.parseInt(props.getProperty("quarkus.http.port"));
        return new ServiceWiring(service, port, consumes, groups, produces);
    }

    private static Set<String> topicsNamedIn(Path sources) {
        Map<String, String> constants = topicConstants();
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TOPIC_CONSTANT.matcher(Files.readString(file));
                while (m.find()) {
                    if (constants.containsKey(m.group(1))) {
                        topics.add(constants.get(m.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    /** Topics' String constants that are topic names (not the suffix). */
    static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().equals("DLQ_SUFFIX")) {
                try {
                    constants.put(f.getName(), (String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }
}
