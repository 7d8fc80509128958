package com.orderdesk.cartcom.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL server from the zonky binaries, run with {@code initdb} and {@code postgres} as a child process on
 * 127.0.0.1 only (no Unix socket).
 *
 * <p>postgres refuses to run as root: when this JVM is root, initdb and postgres run as {@code nobody} (via
 * {@code setpriv}), and the binaries and the cluster must be reachable by that user. If {@code home} is not
 * traversable by others (e.g. under /root, or a 0700 temp folder), the binaries and the cluster go to
 * {@code /tmp/cartcom-devstack-<hash of home>/} instead, and {@code home/LOCATION} says where.
 *
 * <p>Layout: {@code <pgRoot>/pg-<hash>/} (binaries), {@code <pgRoot>/data/} (the cluster), and in {@code home}:
 * {@code postgres.log}, {@code initdb.log}, {@code port}.
 */
public final class PostgresServer extends ChildServer {
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path home;
    private final Path pgRoot;
    private final boolean asNobody;
    private final int port;

    public PostgresServer(Path home) {
        super("postgres", home.toAbsolutePath().resolve("postgres.log"), STOP_GRACE);
        this.home = home.toAbsolutePath();
        this.asNobody = ChildProcesses.runningAsRoot();
        try {
            Files.createDirectories(this.home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pgRoot = asNobody && !traversableByOthers(this.home)
                ? Path.of(System.getProperty("java.io.tmpdir"), "cartcom-devstack-"
                        + PostgresBinaries.shortHash(this.home.toString()))
                : this.home;
        this.port = loadOrPickPort();
    }

    /** Unpacks the binaries and runs initdb on first use, starts postgres and waits until it accepts logins. */
    public synchronized PostgresServer start() {
        if (isRunning()) {
            return this;
        }
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("port " + port + " of PostgreSQL is taken by another process");
        }
        Path binaries = PostgresBinaries.unpack(pgRoot);
        if (!Files.exists(dataDir().resolve("PG_VERSION"))) {
            initdb(binaries);
        }
        List<String> command = new ArrayList<>(List.of(binaries.resolve("bin/postgres").toString(),
                "-D", dataDir().toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                // Throwaway local data: durability against an OS crash is not worth the disk flushes.
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                // Four services with connection pools plus tests.
                "-c", "max_connections=300", "-c", "shared_buffers=64MB"));
        startProcess(command, pgRoot, Map.of("LC_ALL", "C"), asNobody);
        awaitReady(START_TIMEOUT, Duration.ofMillis(100), this::acceptsLogins);
        return this;
    }

    /**
     * Fast shutdown (SIGINT: open sessions are ended, unlike SIGTERM's smart shutdown). After a kill() of postgres
     * and its backends, start() runs crash recovery.
     */
    @Override
    void sendStopSignal(Process process) {
        if (process.isAlive()) {
            ChildProcesses.signal(process, "INT");
        }
    }

    /** Creates database {@code name} unless it exists. */
    public void createDatabase(String name) {
        createDatabase(jdbcBaseUrl(), USERNAME, PASSWORD, name);
    }

    /**
     * Creates database {@code name} on any server (also one this class did not start) unless it exists.
     * {@code jdbcBaseUrl} ends with '/', e.g. {@code jdbc:postgresql://127.0.0.1:5432/}.
     */
    public static void createDatabase(String jdbcBaseUrl, String user, String password, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcBaseUrl + "postgres", user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else created it meanwhile
                throw new IllegalStateException("could not create database " + name, e);
            }
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/}: append a database name. */
    public String jdbcBaseUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    public String jdbcUrl(String database) {
        return jdbcBaseUrl() + database;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** The folder with the binaries and the cluster: {@code home}, or a folder under /tmp when running as root. */
    public Path pgRoot() {
        return pgRoot;
    }

    /** Deletes the binaries and the cluster when they live outside {@code home} (the caller deletes home). */
    public synchronized void deleteExternalFiles() {
        if (!pgRoot.equals(home)) {
            try {
                PostgresBinaries.deleteTree(pgRoot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void initdb(Path binaries) {
        try {
            Path data = dataDir();
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            Path pwFile = pgRoot.resolve("initdb.pw");
            Files.writeString(pwFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (asNobody) {
                Files.setPosixFilePermissions(pgRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
                chownToNobody(data);
                chownToNobody(pwFile);
            }
            try {
                ChildProcesses.run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(),
                                "-U", USERNAME, "--pwfile=" + pwFile, "-A", "scram-sha-256", "-E", "UTF8",
                                "--locale=C", "--no-sync"),
                        pgRoot, Map.of("LC_ALL", "C"), home.resolve("initdb.log"), asNobody, Duration.ofMinutes(3));
            } finally {
                Files.deleteIfExists(pwFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean acceptsLogins() {
        Properties props = new Properties();
        props.setProperty("user", USERNAME);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), props)) {
            return true;
        } catch (SQLException e) {
            return false; // not accepting logins yet (57P03) or not listening yet
        }
    }

    private int loadOrPickPort() {
        Path file = home.resolve("port");
        try {
            if (Files.exists(file)) {
                int saved = Integer.parseInt(Files.readString(file).trim());
                if (FreePorts.isFree(saved)) {
                    return saved;
                }
            }
            int picked = FreePorts.find();
            Files.writeString(file, picked + "\n");
            if (!pgRoot.equals(home)) {
                try (Writer w = Files.newBufferedWriter(home.resolve("LOCATION"))) {
                    w.write("The PostgreSQL binaries and cluster are in " + pgRoot
                            + " (this folder is not traversable by the 'nobody' user postgres runs as).\n");
                }
            }
            return picked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dataDir() {
        return pgRoot.resolve("data");
    }

    /** Whether every folder from / down to {@code dir} lets others traverse it (o+x). */
    private static boolean traversableByOthers(Path dir) {
        try {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void chownToNobody(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(Integer.toString(ChildProcesses.NOBODY_UID)));
        view.setGroup(lookup.lookupPrincipalByGroupName(Integer.toString(ChildProcesses.NOBODY_UID)));
    }

}
