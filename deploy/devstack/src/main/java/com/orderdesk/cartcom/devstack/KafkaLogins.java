package com.orderdesk.cartcom.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.RequestHeader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Proof that a broker lets in whom it should and no one else, each check bounded in time: a Kafka client's attempt to
 * list the topics with given security settings ({@link #listTopics}), one request on a bare connection that never
 * authenticated ({@link #unauthenticatedRequest}) with what the broker logged about that very connection, and the
 * connections the broker refused over a stretch of its log ({@link #refusals}).
 */
public final class KafkaLogins {
    /** How long the broker's log is watched for its entry about the refused connection. */
    private static final Duration LOG_GRACE = Duration.ofSeconds(5);
    /** A log entry's first line starts with its time (the date format KafkaBroker gives slf4j-simple). */
    private static final Pattern ENTRY_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
    /** What the broker logs (Kafka 4.1) when a client asks before authenticating, and when a login fails. */
    private static final String NOT_AUTHENTICATED = "during SASL handshake";
    private static final String LOGIN_FAILED = "Failed authentication with";

    private KafkaLogins() {
    }

    /**
     * What became of a client's attempt.
     *
     * @param topics the topics listed, or null when the attempt failed
     * @param error  why it failed (the cause, as the admin client reported it), or null
     * @param took   from the client's creation to its answer or its error
     */
    public record Attempt(Set<String> topics, Throwable error, Duration took) {
        public boolean refused() {
            return topics == null;
        }

        @Override
        public String toString() {
            return refused() ? "refused after " + took.toMillis() + " ms with " + error
                    : "let in after " + took.toMillis() + " ms, " + topics.size() + " topics";
        }
    }

    /**
     * Lists the broker's topics as an admin client with {@code security} (none: {@code Map.of()}), which gives up
     * after {@code timeout}.
     */
    public static Attempt listTopics(KafkaBroker broker, Map<String, String> security, Duration timeout) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long started = System.nanoTime();
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
            return new Attempt(topics, null, Duration.ofNanos(System.nanoTime() - started));
        } catch (ExecutionException e) {
            return new Attempt(null, e.getCause(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            return new Attempt(null, e, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * What the broker did with a metadata request on a connection that never authenticated.
     *
     * @param answered  whether a response came back (a plain listener answers; a SASL one must not)
     * @param took      until the answer, or until the broker closed the connection
     * @param brokerLog the broker's log entry about this connection (found by its client port), with the lines of
     *                  the exception under it, if it wrote one
     */
    public record RawRequest(boolean answered, Duration took, Optional<String> brokerLog) {
    }

    /**
     * Sends one metadata request (all topics), the first thing a client asks, on a bare TCP connection and reads
     * the answer. A SASL listener closes the connection instead, and logs {@code Unexpected error from /127.0.0.1
     * (channelId=...-127.0.0.1:<client port>-...); closing connection} with the exception {@code ... Unexpected Kafka
     * request of type METADATA during SASL handshake.}: that entry is returned. Fails if the broker neither answers
     * nor closes the connection within {@code timeout}.
     */
    public static RawRequest unauthenticatedRequest(KafkaBroker broker, Duration timeout) {
        long logStart = logEnd(broker);
        short version = ApiKeys.METADATA.latestVersion();
        ByteBuffer request = MetadataRequest.Builder.allTopics().build(version)
                .serializeWithHeader(new RequestHeader(ApiKeys.METADATA, version, "devstack-unauthenticated", 1));
        long started = System.nanoTime();
        boolean answered;
        int localPort;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", broker.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            localPort = socket.getLocalPort();
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] bytes = new byte[request.remaining()];
            request.get(bytes);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            try {
                in.readFully(new byte[in.readInt()]);
                answered = true;
            } catch (EOFException | SocketException closed) {
                answered = false;
            }
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("the broker neither answered nor closed the connection within " + timeout, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String channel = "-127.0.0.1:" + localPort + "-";
        long deadline = System.nanoTime() + (answered ? 0 : LOG_GRACE.toNanos());
        Optional<String> entry = entryAbout(broker, logStart, channel);
        // The exception's lines follow the entry's first line (slf4j-simple writes them one after the other).
        while (!entry.map(e -> e.contains("\n")).orElse(false) && System.nanoTime() < deadline) {
            sleep();
            entry = entryAbout(broker, logStart, channel);
        }
        return new RawRequest(answered, took, entry);
    }

    /**
     * Checks that a client without credentials gets nothing from the broker, and fails with an AssertionError that
     * says what happened otherwise: an admin client's topic listing gets no answer within {@code timeout} (the
     * broker closes each of its connections at the first request; the client retries until it times out), and a
     * metadata request on a bare connection is not answered either, with the broker's log saying why. Returns a
     * description of both, for a test's output.
     */
    public static String assertRefusedWithoutCredentials(KafkaBroker broker, Duration timeout) {
        Attempt attempt = listTopics(broker, Map.of(), timeout);
        if (!(attempt.error() instanceof TimeoutException) || attempt.took().compareTo(timeout.plusSeconds(2)) > 0) {
            throw new AssertionError("a client without credentials was not refused within " + timeout + ": " + attempt);
        }
        RawRequest raw = unauthenticatedRequest(broker, timeout);
        if (raw.answered() || !raw.brokerLog().map(log -> log.contains(NOT_AUTHENTICATED)).orElse(false)) {
            throw new AssertionError("an unauthenticated request was not refused as such: " + raw);
        }
        return "admin client without credentials " + attempt + "; bare metadata request closed after "
                + raw.took().toMillis() + " ms, broker: " + raw.brokerLog().orElseThrow().replace('\n', ' ');
    }

    /** Where the broker's log ends now; {@link #refusals} reads on from such a position. */
    public static long logEnd(KafkaBroker broker) {
        try {
            return Files.exists(broker.logFile()) ? Files.size(broker.logFile()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The broker's log entries since {@code from} about connections it refused: requests before authentication
     * (a client without SASL settings) and failed logins (a wrong user or password).
     */
    public static List<String> refusals(KafkaBroker broker, long from) {
        return entries(broker, from).stream()
                .filter(entry -> entry.contains(NOT_AUTHENTICATED) || entry.contains(LOGIN_FAILED)).toList();
    }

    private static Optional<String> entryAbout(KafkaBroker broker, long from, String channel) {
        return entries(broker, from).stream().filter(entry -> entry.lines().findFirst().orElse("").contains(channel))
                .findFirst();
    }

    /** The log's entries from {@code from} on, each its first line and the untimestamped lines under it. */
    private static List<String> entries(KafkaBroker broker, long from) {
        List<String> entries = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(broker.logFile().toFile(), "r")) {
            file.seek(from);
            byte[] rest = new byte[(int) Math.max(0, file.length() - from)];
            file.readFully(rest);
            StringBuilder entry = null;
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (ENTRY_START.matcher(line).lookingAt() || entry == null) {
                    if (entry != null) {
                        entries.add(entry.toString());
                    }
                    entry = new StringBuilder(line.strip());
                } else {
                    entry.append('\n').append(line.strip());
                }
            }
            if (entry != null && !entry.isEmpty()) {
                entries.add(entry.toString());
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
