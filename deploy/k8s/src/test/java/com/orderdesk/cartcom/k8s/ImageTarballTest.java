package com.orderdesk.cartcom.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens the images the build wrote (deploy/image/build-tarballs: target/images/&lt;service&gt;.tar, docker-archive
 * format) and checks their configuration against the services' container-image profile and the manifests: the
 * entrypoint runs quarkus-run.jar with the services' JVM options, as the non-root user the Deployments run as, exposes
 * the service's port and carries the OCI labels. Building the images takes minutes, so a plain mvn verify does not; this
 * test checks whichever tarballs are there and is skipped when there are none.
 */
class ImageTarballTest {
    private static final Path IMAGES = ManifestTest.ROOT.resolve("target/images");

    @Test
    void theBuiltImagesRunTheServiceAsConfigured() throws Exception {
        List<String> checked = new ArrayList<>();
        for (String service : ManifestTest.SERVICES) {
            Path tarball = IMAGES.resolve(service + ".tar");
            if (!Files.exists(tarball)) {
                continue;
            }
            Map<String, byte[]> files = read(tarball, List.of("manifest.json"));
            JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json")).get(0);
            JsonNode config = new ObjectMapper().readTree(read(tarball, List.of(manifest.get("Config").asText()))
                    .get(manifest.get("Config").asText())).get("config");
            Map<String, String> profile = ManifestTest.imageProfile(service);
            String version = ManifestTest.projectVersion();

            String repoTag = profile.get("quarkus.container-image.group") + "/" + service + ":" + version;
            assertEquals(repoTag, manifest.at("/RepoTags/0").asText(), service);
            assertEquals(repoTag, ManifestTest.named(ManifestTest.render("overlays/local"), "Deployment", service)
                    .at("/spec/template/spec/containers/0/image").asText(), service + ": the local overlay runs it");

            List<String> entrypoint = new ArrayList<>();
            config.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
            assertEquals("java", entrypoint.get(0), service);
            assertEquals(List.of("-jar", "quarkus-run.jar"), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
            List<String> jvmOptions = Arrays.asList(profile.get("quarkus.jib.jvm-additional-arguments").split(","));
            assertTrue(entrypoint.containsAll(jvmOptions), service + " runs with " + jvmOptions + ": " + entrypoint);
            assertTrue(entrypoint.contains("-Xmx160m"), service);

            assertEquals(profile.get("quarkus.jib.user"), config.get("User").asText(), service);
            assertFalse(config.get("User").asText().equals("0") || config.get("User").asText().equals("root"), service);
            assertEquals(String.valueOf(ManifestTest.named(ManifestTest.render("overlays/local"), "Deployment", service)
                    .at("/spec/template/spec/securityContext/runAsUser").asInt()), config.get("User").asText(), service);

            int port = ServiceWiring.of(ManifestTest.ROOT, service).httpPort();
            List<String> ports = new ArrayList<>();
            config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
            assertEquals(List.of(port + "/tcp"), ports, service);

            JsonNode labels = config.get("Labels");
            for (String label : List.of("source", "revision", "version", "title")) {
                assertFalse(labels.path("org.opencontainers.image." + label).asText().isBlank(), service + " label " + label);
            }
            assertEquals(version, labels.get("org.opencontainers.image.version").asText());
            assertEquals(service, labels.get("org.opencontainers.image.title").asText());
            checked.add(service + " (" + Files.size(tarball) / 1024 / 1024 + " MB, revision "
                    + labels.get("org.opencontainers.image.revision").asText() + ")");
        }
        Assumptions.assumeFalse(checked.isEmpty(), "no image tarballs in " + IMAGES + ": run deploy/image/build-tarballs first");
        System.out.println("[k8s] image configuration checked: " + checked);
    }

    /** The named entries of a tar file (ustar headers of 512 bytes, each entry padded to 512). */
    static Map<String, byte[]> read(Path tar, List<String> names) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "").trim();
                long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (names.contains(name)) {
                    found.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return found;
    }
}
