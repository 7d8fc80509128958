package com.orderdesk.cartcom.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An image as `docker save` writes it (and deploy/image/docker-load-to-tarball, and the test base the parent pom
 * makes): manifest.json names the image's config file and layers; the config holds what a container runs with
 * ({@code config}: Entrypoint, User, Env, WorkingDir, ExposedPorts, Labels) and the layers' content digests
 * ({@code rootfs.diff_ids}, base layers first).
 */
record ImageTarball(JsonNode manifest, JsonNode image) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageTarball read(Path tar) throws IOException {
        JsonNode manifest = JSON.readTree(entries(tar, List.of("manifest.json")).get("manifest.json")).get(0);
        String config = manifest.get("Config").asText();
        return new ImageTarball(manifest, JSON.readTree(entries(tar, List.of(config)).get(config)));
    }

    String repoTag() {
        return manifest.at("/RepoTags/0").asText();
    }

    JsonNode config() {
        return image.get("config");
    }

    List<String> diffIds() {
        List<String> ids = new ArrayList<>();
        image.at("/rootfs/diff_ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        config().path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The named entries of a tar file (ustar headers of 512 bytes, each entry padded to 512). */
    static Map<String, byte[]> entries(Path tar, List<String> names) throws IOException {
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
