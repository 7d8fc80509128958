package com.orderdesk.cartcom.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * The class-data-sharing archive a packaged service starts with. Quarkus writes {@code app-cds.jsa} at package
 * time, but that archive holds only the classes loaded before the application starts: on a service with Hibernate
 * ORM and Kafka clients, about a third of what a start loads. A <em>trained</em> archive
 * ({@code app-cds-trained.jsa}) holds every class a real run loaded: a start that finds none records one
 * ({@code -XX:ArchiveClassesAtExit}), the JVM writes it when that process stops gracefully, and every later start
 * maps those classes pre-parsed (docs/benchmarks.md, start-up). An archive older than the jar belongs to an earlier
 * build and is trained again. Instances record side by side under their own names; the last graceful stop wins.
 */
final class ClassArchive {
    static final String TRAINED = "app-cds-trained.jsa";
    /** A JVM killed with SIGKILL exits with 128 + 9: whatever it wrote is not a whole archive. */
    private static final int KILLED = 137;

    private final Path jar;
    private final Path trained;
    private Path recording;

    ClassArchive(Path jar) {
        this.jar = jar;
        this.trained = jar.resolveSibling(TRAINED);
    }

    /** The JVM options for the next start; remembers whether that start records an archive. */
    List<String> jvmOptions() {
        discard(recording); // a process that died on its own left its recording behind
        recording = null;
        if (isCurrent(trained)) {
            return List.of("-XX:SharedArchiveFile=" + trained);
        }
        recording = jar.resolveSibling(TRAINED + "." + UUID.randomUUID() + ".recording");
        // Recording cannot stack on the packaged archive (both are dynamic archives); the JDK's base archive remains.
        return List.of("-XX:ArchiveClassesAtExit=" + recording);
    }

    /** After the process ended: a recording written by a graceful exit becomes the trained archive. */
    void ended(Process process) {
        if (recording == null) {
            return;
        }
        Path recorded = recording;
        recording = null;
        boolean graceful = !process.isAlive() && process.exitValue() != KILLED;
        try {
            if (graceful && Files.isRegularFile(recorded) && Files.size(recorded) > 0) {
                Files.move(recorded, trained, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Only start-up time depends on the archive: the next start records again.
        }
        discard(recorded);
    }

    private static void discard(Path recorded) {
        if (recorded == null) {
            return;
        }
        try {
            Files.deleteIfExists(recorded);
        } catch (IOException e) {
            // a leftover recording costs disk space, nothing else
        }
    }

    /** Whether the options of a caller already choose how classes are shared (e.g. a benchmark's own). */
    static boolean chosenBy(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(arg -> arg.startsWith("-Xshare") || arg.contains("SharedArchiveFile")
                || arg.contains("ArchiveClassesAtExit"));
    }

    private boolean isCurrent(Path archive) {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
