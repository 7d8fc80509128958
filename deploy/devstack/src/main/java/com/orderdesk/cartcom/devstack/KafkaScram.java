package com.orderdesk.cartcom.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The SASL/SCRAM users of a broker whose only client listener is {@code SASL_PLAINTEXT}: {@value #ADMIN_USER} (the
 * broker's own inter-broker and admin identity) and any others, each with a random password that is kept in
 * {@code scram-users.properties} beside the data, so that a later start of the same folder lets the same clients in.
 * The users are written into the metadata log when the storage is formatted ({@code kafka-storage format
 * --add-scram}); a folder formatted without them cannot take them later.
 */
public final class KafkaScram {
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String ADMIN_USER = "admin";
    static final String LISTENER = "SASL_PLAINTEXT";
    private static final String USERS_FILE = "scram-users.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> passwords;
    /** Users that an earlier format did not write into the metadata log. */
    private final Set<String> unsaved;

    private KafkaScram(Path file, Map<String, String> passwords, Set<String> unsaved) {
        this.file = file;
        this.passwords = passwords;
        this.unsaved = unsaved;
    }

    /** The users of the broker in {@code home}: those saved by an earlier run, plus new ones with new passwords. */
    static KafkaScram load(Path home, Collection<String> users) {
        Path file = home.resolve(USERS_FILE);
        Map<String, String> passwords = new LinkedHashMap<>();
        Set<String> unsaved = new LinkedHashSet<>();
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.stringPropertyNames().forEach(name -> passwords.put(name, p.getProperty(name)));
        }
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(ADMIN_USER);
        wanted.addAll(users);
        for (String user : wanted) {
            if (!user.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("SCRAM user names are letters, digits, '.', '_' and '-': " + user);
            }
            // Hex: nothing that the --add-scram syntax or the JAAS line would have to escape.
            passwords.computeIfAbsent(user, u -> {
                unsaved.add(u);
                byte[] bytes = new byte[16];
                RANDOM.nextBytes(bytes);
                return HexFormat.of().formatHex(bytes);
            });
        }
        return new KafkaScram(file, passwords, unsaved);
    }

    /** The users and passwords, for the format command; also saves them (owner-only file) beside the data. */
    List<String> formatArguments() {
        save();
        unsaved.clear();
        List<String> args = new ArrayList<>();
        passwords.forEach((user, password) -> {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        return args;
    }

    /** Refuses to start a folder formatted without these users: the broker would not know them. */
    void requireFormattedWithUsers(Path dataDir) {
        if (!unsaved.isEmpty()) {
            throw new IllegalStateException(dataDir + " was formatted without the SCRAM users " + unsaved + " (see "
                    + file + "): start a broker with these users in a new folder");
        }
    }

    /** The server properties of the SASL-only client listener on {@code port} (the controller's stays plain). */
    Map<String, String> serverProperties(int port, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", LISTENER + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", LISTENER);
        p.put("listener.security.protocol.map", LISTENER + ":SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        // The broker's own connections to its listener (inter-broker clients) log in as the admin.
        p.put("listener.name." + LISTENER.toLowerCase() + "." + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                jaasConfig(ADMIN_USER));
        return p;
    }

    /** The client settings that log in as {@code user}: security.protocol, sasl.mechanism, sasl.jaas.config. */
    public Map<String, String> clientProperties(String user) {
        return Map.of("security.protocol", SECURITY_PROTOCOL, "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig(user));
    }

    public Set<String> users() {
        return Set.copyOf(passwords.keySet());
    }

    private String jaasConfig(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user " + user + " at this broker; users: " + passwords.keySet());
        }
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private void save() {
        Properties p = new Properties();
        passwords.forEach(p::setProperty);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                p.store(out, "SCRAM users of the devstack Kafka broker (written into its metadata log at format time)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
