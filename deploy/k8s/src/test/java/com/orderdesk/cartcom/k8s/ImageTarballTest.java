package com.orderdesk.cartcom.k8s;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens the services' images (target/images/&lt;service&gt;.tar, docker-archive format) and checks their configuration
 * against the services' container-image profile and the manifests (ImageExpectations). The README's test command
 * (mvn verify -Pcontainer-image) builds them in each service's package step on the test base the parent pom makes, and
 * tells this test so: then a missing or stale tarball fails, and the layers are checked to sit on that base. Without
 * the profile it checks whichever tarballs deploy/image/build-tarballs left, and is skipped when there are none.
 */
class ImageTarballTest {
    private static final Path IMAGES = ManifestTest.ROOT.resolve("target/images");
    /** -Pcontainer-image: the build was asked to make every service's image. */
    private static final boolean REQUIRED = Boolean.getBoolean("image.tarballs.required");
    /** The base the images were built on, when it is a tarball here (-Pcontainer-image's test base). */
    private static final Path BASE = baseTarball(System.getProperty("image.base", ""));

    @Test
    void theBuiltImagesRunTheServiceAsConfigured() throws Exception {
        ImageTarball base = BASE == null ? null : ImageTarball.read(BASE);
        List<String> checked = new ArrayList<>();
        for (String service : ManifestTest.SERVICES) {
            Path tarball = IMAGES.resolve(service + ".tar");
            if (!Files.exists(tarball)) {
                if (REQUIRED) {
                    fail(service + ": no image at " + tarball + ", though the build was asked to make it (-Pcontainer-image)");
                }
                continue;
            }
            if (REQUIRED && BASE != null) {
                assertTrue(Files.getLastModifiedTime(tarball).compareTo(Files.getLastModifiedTime(BASE)) >= 0,
                        service + ": " + tarball + " is older than this build's base image: not rebuilt");
            }
            ImageTarball image = ImageTarball.read(tarball);
            ImageExpectations.of(service).check(image, base);
            checked.add(service + " (" + Files.size(tarball) / 1024 / 1024 + " MB, revision "
                    + image.config().at("/Labels/org.opencontainers.image.revision").asText() + ")");
        }
        Assumptions.assumeFalse(checked.isEmpty(), "no image tarballs in " + IMAGES
                + ": mvn verify -Pcontainer-image builds them (or deploy/image/build-tarballs)");
        System.out.println("[k8s] image configuration checked" + (base == null ? "" : " on the base " + BASE) + ": " + checked);
    }

    /** The check fails on each way the configuration can go wrong (a real image, changed in one place). */
    @ParameterizedTest
    @ValueSource(strings = {"entrypoint", "user root", "user by name", "no port", "no source label", "empty revision",
            "working directory", "env", "not on the base"})
    void aWrongConfigurationFails(String fault) throws Exception {
        String service = ManifestTest.SERVICES.stream().filter(s -> Files.exists(IMAGES.resolve(s + ".tar"))).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(service != null, "no image tarballs in " + IMAGES);
        Path tarball = IMAGES.resolve(service + ".tar");
        ImageTarball base = BASE == null ? null : ImageTarball.read(BASE);
        Assumptions.assumeTrue(base != null || !fault.equals("not on the base"), "no base image at hand");
        ImageTarball image = ImageTarball.read(tarball);
        ImageExpectations expected = ImageExpectations.of(service);
        expected.check(image, base);

        ObjectNode config = (ObjectNode) image.config();
        switch (fault) {
            case "entrypoint" -> ((ArrayNode) config.get("Entrypoint")).remove(2);
            case "user root" -> config.put("User", "0");
            case "user by name" -> config.put("User", "nonroot");
            case "no port" -> config.putObject("ExposedPorts");
            case "no source label" -> ((ObjectNode) config.get("Labels")).remove("org.opencontainers.image.source");
            case "empty revision" -> ((ObjectNode) config.get("Labels")).put("org.opencontainers.image.revision", "");
            case "working directory" -> config.put("WorkingDir", "/");
            case "env" -> ((ArrayNode) config.get("Env")).removeAll().add("PATH=/bin");
            case "not on the base" -> ((ArrayNode) image.image().at("/rootfs/diff_ids")).remove(0);
            default -> throw new IllegalArgumentException(fault);
        }
        assertThrows(AssertionError.class, () -> expected.check(image, base), fault);
    }

    private static Path baseTarball(String imageBase) {
        return imageBase.startsWith("tar://") ? Path.of(imageBase.substring("tar://".length())) : null;
    }
}
