package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.launcher.Waits;
import com.orderdesk.cartcom.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Table 3: bad records on every consumed topic. Round by round ({@link Malformation}), one bad record goes to each
 * topic on the target store's partition, then one round of valid traffic ({@link ValidRound}) follows it there.
 * Documented answer (ARCHITECTURE.md, CONTRACTS.md): each bad record is on {@code <topic>.dlq}, once per consuming
 * service, with a {@code dead-letter-reason} that names the problem; and the consumer goes on, so the valid records
 * behind it all take effect. A round whose valid traffic does not get through ends the table: a consumer stopped.
 */
final class MalformedRecords {
    private static final Duration DEAD_LETTER_WAIT = Duration.ofSeconds(20);

    /** A bad record as written: where it landed, and how many dead letters it must produce. */
    record Sent(ConsumedTopic topic, Malformation.BadRecord bad, int partition, long offset, List<String> consumers) {
    }

    private final BadInputStore target;
    private final KafkaProbe kafka;
    private final DeadLetterLog deadLetters;
    private final Map<String, List<String>> consumers;
    private final List<Sent> sent = new ArrayList<>();
    private int roundsThrough;

    MalformedRecords(BadInputStore target, KafkaProbe kafka, DeadLetterLog deadLetters,
                     Map<String, List<String>> consumers) {
        this.target = target;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.consumers = consumers;
    }

    ResultTable run() throws InterruptedException {
        Map<ConsumedTopic, ObjectNode> valid = newestValidRecords();
        ValidRound traffic = new ValidRound(target);
        ResultTable table = new ResultTable("Table 3: malformed records on every consumed topic", "round", "topic",
                "bad record", "consumers", "documented answer", "dead letters", "then valid records");
        Malformation[] rounds = Malformation.values();
        for (int i = 0; i < rounds.length; i++) {
            int round = i + 1;
            List<Sent> written = writeBadRecords(rounds[i], valid);
            String afterwards;
            boolean wentOn;
            try {
                traffic.run(round);
                afterwards = "all took effect";
                wentOn = true;
                roundsThrough++;
            } catch (AssertionError | RuntimeException stopped) {
                afterwards = "STOPPED: " + stopped.getMessage();
                wentOn = false;
            }
            awaitDeadLetters(written);
            for (Sent record : written) {
                List<DeadLetterLog.DeadLetter> letters = deadLetters.of(record.topic().topic, record.partition(),
                        record.offset());
                table.add(isDocumented(record, letters) && wentOn, Integer.toString(round), record.topic().topic,
                        record.bad().description(), String.join(",", record.consumers()),
                        "dlq x" + record.consumers().size() + ", reason has \"" + record.bad().reasonPart() + "\"",
                        describe(record, letters), afterwards);
            }
            if (!wentOn) {
                for (int rest = i + 1; rest < rounds.length; rest++) {
                    table.add(false, Integer.toString(rest + 1), "-", rounds[rest].name(), "-", "-", "not run",
                            "a consumer stopped in round " + round);
                }
                break;
            }
        }
        return table;
    }

    /** How many rounds' valid traffic got through (each imported one order). */
    int roundsThrough() {
        return roundsThrough;
    }

    /** Every bad record written, for the final check that nothing else is on a dead-letter topic. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    private List<Sent> writeBadRecords(Malformation malformation, Map<ConsumedTopic, ObjectNode> valid) {
        List<Sent> written = new ArrayList<>();
        for (ConsumedTopic topic : ConsumedTopic.values()) {
            malformation.on(topic, valid.get(topic), target.key()).ifPresent(bad -> {
                // On the target store's partition whatever the key, so that the valid records follow it there.
                int partition = kafka.partitionOf(topic.topic, target.key());
                RecordMetadata landed = kafka.send(topic.topic, partition, bad.key(), bad.value());
                written.add(new Sent(topic, bad, landed.partition(), landed.offset(),
                        consumers.getOrDefault(topic.topic, List.of())));
            });
        }
        sent.addAll(written);
        return written;
    }

    /** The newest valid record of the target store on each topic: what the variants of a real record start from. */
    private Map<ConsumedTopic, ObjectNode> newestValidRecords() {
        ensurePollRequest();
        Map<ConsumedTopic, ObjectNode> valid = new EnumMap<>(ConsumedTopic.class);
        for (ConsumedTopic topic : ConsumedTopic.values()) {
            String value = kafka.latest(topic.topic, target.key(), record -> record.value() != null)
                    .orElseThrow(() -> new IllegalStateException("no valid record of the target store on " + topic.topic))
                    .value();
            try {
                valid.put(topic, (ObjectNode) Json.mapper().readTree(value));
            } catch (IOException e) {
                throw new UncheckedIOException("the system itself wrote a record that is not JSON on " + topic.topic, e);
            }
        }
        return valid;
    }

    /**
     * The poller writes poll requests only when Cart.com calls its receiver, and the store's own acknowledgements ask
     * for none: if the target store has none yet, its webhook address is called once, as Cart.com would.
     */
    private void ensurePollRequest() {
        String topic = ConsumedTopic.POLL_REQUESTS.topic;
        if (kafka.latest(topic, target.key(), record -> record.value() != null).isPresent()) {
            return;
        }
        String url = Waits.until("the target store subscribed to webhooks", Duration.ofMinutes(1), () -> {
            JsonNode subscriptions = target.sandbox.webhooks(target.cart.domain()).path("subscriptions");
            return subscriptions.isEmpty() ? Optional.empty() : Optional.of(subscriptions.get(0).path("url").asText());
        });
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("the webhook receiver answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Waits.until("a poll request of the target store", Duration.ofSeconds(30),
                () -> kafka.latest(topic, target.key(), record -> record.value() != null));
    }

    private void awaitDeadLetters(List<Sent> written) throws InterruptedException {
        long deadline = System.nanoTime() + DEAD_LETTER_WAIT.toNanos();
        while (System.nanoTime() < deadline && !written.stream().allMatch(record ->
                deadLetters.of(record.topic().topic, record.partition(), record.offset()).size()
                        >= record.consumers().size())) {
            Thread.sleep(250);
        }
    }

    private static boolean isDocumented(Sent record, List<DeadLetterLog.DeadLetter> letters) {
        String part = record.bad().reasonPart().toLowerCase(Locale.ROOT);
        return letters.size() == record.consumers().size() && letters.stream()
                .allMatch(letter -> !letter.reason().isBlank() && letter.reason().toLowerCase(Locale.ROOT).contains(part));
    }

    private static String describe(Sent record, List<DeadLetterLog.DeadLetter> letters) {
        if (letters.isEmpty()) {
            return "0/" + record.consumers().size() + ": none (accepted or lost)";
        }
        List<String> reasons = letters.stream().map(letter -> letter.reason()
                + (letter.consumer().isEmpty() ? "" : " [" + letter.consumer() + "]")).distinct().toList();
        return letters.size() + "/" + record.consumers().size() + ": " + String.join(" / ", reasons);
    }
}
