package com.orderdesk.cartcom.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the part of Kustomize these manifests use:
 * resources (files and directories), namespace, replicas, images, JSON 6902 patches with a kind/name target, and
 * ConfigMap/Secret generators without name hashes. Anything else in a kustomization.yaml fails, so a manifest never
 * relies on a feature this renderer would silently skip. Where {@code kubectl} is on the PATH, the test also renders
 * with it ({@link #withKubectl}) and compares.
 */
final class Kustomize {
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "replicas",
            "images", "patches", "configMapGenerator", "secretGenerator", "generatorOptions");

    private Kustomize() {
    }

    /** Every resource the kustomization in {@code dir} renders to, in order. */
    static List<ObjectNode> build(Path dir) {
        JsonNode k = read(dir.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses " + field
                        + ", which this renderer does not support");
            }
        });
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                out.addAll(build(path));
            } else {
                for (JsonNode doc : read(path)) {
                    out.add((ObjectNode) doc);
                }
            }
        }
        boolean noHash = k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (JsonNode gen : k.path("configMapGenerator")) {
            out.add(generated("ConfigMap", gen, dir, noHash, false));
        }
        for (JsonNode gen : k.path("secretGenerator")) {
            out.add(generated("Secret", gen, dir, noHash, true));
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(out, patch);
        }
        for (JsonNode r : k.path("replicas")) {
            for (ObjectNode res : out) {
                if (Set.of("Deployment", "StatefulSet", "ReplicaSet").contains(res.path("kind").asText())
                        && res.path("metadata").path("name").asText().equals(r.get("name").asText())) {
                    ((ObjectNode) res.get("spec")).put("replicas", r.get("count").asInt());
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode res : out) {
                for (JsonNode container : res.path("spec").path("template").path("spec").path("containers")) {
                    String current = container.path("image").asText();
                    if (imageName(current).equals(image.get("name").asText())) {
                        String name = image.has("newName") ? image.get("newName").asText() : imageName(current);
                        String tag = image.has("newTag") ? image.get("newTag").asText() : imageTag(current);
                        ((ObjectNode) container).put("image", tag == null ? name : name + ":" + tag);
                    }
                }
            }
        }
        if (k.has("namespace")) {
            for (ObjectNode res : out) {
                ((ObjectNode) res.get("metadata")).put("namespace", k.get("namespace").asText());
            }
        }
        return out;
    }

    private static ObjectNode generated(String kind, JsonNode gen, Path dir, boolean noHash, boolean secret) {
        boolean genNoHash = gen.path("options").path("disableNameSuffixHash").asBoolean(noHash);
        if (!genNoHash) {
            throw new IllegalArgumentException(kind + " generator " + gen.get("name") + " needs disableNameSuffixHash");
        }
        ObjectNode res = JsonNodeFactory.instance.objectNode();
        res.put("apiVersion", "v1");
        res.put("kind", kind);
        ObjectNode metadata = res.putObject("metadata");
        metadata.put("name", gen.get("name").asText());
        if (gen.path("options").has("labels")) {
            metadata.set("labels", gen.get("options").get("labels").deepCopy());
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (JsonNode literal : gen.path("literals")) {
            String s = literal.asText();
            int eq = s.indexOf('=');
            data.put(s.substring(0, eq), encode(s.substring(eq + 1), secret));
        }
        for (JsonNode file : gen.path("files")) {
            String s = file.asText();
            int eq = s.indexOf('=');
            String key = eq < 0 ? Path.of(s).getFileName().toString() : s.substring(0, eq);
            try {
                data.put(key, encode(Files.readString(dir.resolve(eq < 0 ? s : s.substring(eq + 1))), secret));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        res.set("data", data);
        if (gen.has("type")) {
            res.put("type", gen.get("type").asText());
        } else if (secret) {
            res.put("type", "Opaque");
        }
        return res;
    }

    private static String encode(String value, boolean secret) {
        return secret ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value;
    }

    private static void applyPatch(List<ObjectNode> resources, JsonNode patch) {
        JsonNode target = patch.get("target");
        JsonNode ops = read(patch.get("patch").asText()).get(0);
        if (!ops.isArray()) {
            throw new IllegalArgumentException("only JSON 6902 patches (a list of operations) are supported: " + patch);
        }
        int matched = 0;
        for (ObjectNode res : resources) {
            if (res.path("kind").asText().equals(target.get("kind").asText())
                    && res.path("metadata").path("name").asText().equals(target.get("name").asText())) {
                matched++;
                for (JsonNode op : ops) {
                    apply(res, op);
                }
            }
        }
        if (matched != 1) {
            throw new IllegalArgumentException("patch target " + target + " matched " + matched + " resources");
        }
    }

    /** add and replace (the two operations the overlays use); a replace of a missing path fails, as in kustomize. */
    private static void apply(ObjectNode res, JsonNode op) {
        String path = op.get("path").asText();
        String kind = op.get("op").asText();
        if (!Set.of("add", "replace").contains(kind)) {
            throw new IllegalArgumentException("unsupported patch operation " + kind);
        }
        int slash = path.lastIndexOf('/');
        JsonNode parent = res.at(path.substring(0, slash));
        String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("no parent for " + path);
        }
        JsonNode value = op.get("value").deepCopy();
        if (parent.isObject()) {
            if (kind.equals("replace") && !parent.has(last)) {
                throw new IllegalArgumentException("replace of a missing " + path);
            }
            ((ObjectNode) parent).set(last, value);
        } else if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (kind.equals("add") && last.equals("-")) {
                array.add(value);
            } else if (kind.equals("add")) {
                array.insert(Integer.parseInt(last), value);
            } else {
                array.set(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalArgumentException("cannot patch " + path);
        }
    }

    static String imageName(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(0, colon) : image;
    }

    static String imageTag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : null;
    }

    static List<JsonNode> read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** Every non-empty YAML document of a text. */
    static List<JsonNode> read(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !(doc instanceof TextNode && doc.asText().isEmpty())) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** {@code kubectl kustomize dir}, or null where kubectl is not installed. */
    static List<ObjectNode> withKubectl(Path dir) {
        Path kubectl = null;
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "kubectl"))) {
                kubectl = Path.of(p, "kubectl");
                break;
            }
        }
        if (kubectl == null) {
            return null;
        }
        try {
            Path errors = Files.createTempFile("kubectl-kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(errors.toFile()).start();
            String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = process.waitFor(60, TimeUnit.SECONDS);
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (!done || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + stderr);
            }
            return read(yaml).stream().map(ObjectNode.class::cast).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String id(JsonNode res) {
        return res.path("kind").asText() + "/" + res.path("metadata").path("name").asText();
    }

    static Map<String, ObjectNode> byId(List<ObjectNode> resources) {
        Map<String, ObjectNode> map = new java.util.LinkedHashMap<>();
        for (ObjectNode r : resources) {
            if (map.put(id(r), r) != null) {
                throw new IllegalArgumentException("two resources named " + id(r));
            }
        }
        return map;
    }
}
