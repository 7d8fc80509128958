package com.orderdesk.cartcom.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's image must be, from its pom's container-image profile (the same in the production build and in
 * mvn verify's) and the manifests: the configuration a container runs with, and that it sits on its base image.
 */
record ImageExpectations(String service, String repoTag, List<String> entrypoint, String user, String port,
        Set<String> env, String workingDir, String version) {
    /** Quarkus' Jib build: java from the base's PATH, in the directory it copies target/quarkus-app to. */
    private static final List<String> QUARKUS_JVM_PREFIX = List.of("java", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    private static final String QUARKUS_WORKING_DIR = "/home/jboss";
    private static final String ENV_PREFIX = "quarkus.jib.environment-variables.";
    /**
     * Set by Quarkus when the build wrote an AppCDS archive: mvn verify's images have it (the services' tests and
     * e2e suites start faster with it), the production build switches the archive off (docs/deploy.md "Images").
     */
    static final String APPCDS_ENV = "JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=app-cds.jsa";
    static final List<String> LABELS = List.of("source", "revision", "version", "title");

    static ImageExpectations of(String service) throws Exception {
        Map<String, String> profile = ManifestTest.imageProfile(service);
        String version = ManifestTest.projectVersion();
        var deployment = ManifestTest.named(ManifestTest.render("overlays/local"), "Deployment", service);
        String repoTag = profile.get("quarkus.container-image.group") + "/" + service + ":" + version;
        assertEquals(repoTag, deployment.at("/spec/template/spec/containers/0/image").asText(),
                service + ": the local overlay runs the image the build makes");
        assertEquals(profile.get("quarkus.jib.user"), deployment.at("/spec/template/spec/securityContext/runAsUser").asText(),
                service + ": the pods run as the image's user");

        List<String> entrypoint = new ArrayList<>(QUARKUS_JVM_PREFIX);
        entrypoint.addAll(Arrays.asList(profile.get("quarkus.jib.jvm-additional-arguments").split(",")));
        entrypoint.addAll(List.of("-jar", "quarkus-run.jar"));
        Set<String> env = new LinkedHashSet<>();
        profile.forEach((key, value) -> {
            if (key.startsWith(ENV_PREFIX)) {
                env.add(key.substring(ENV_PREFIX.length()) + "=" + value);
            }
        });
        String port = ServiceWiring.of(ManifestTest.ROOT, service).httpPort() + "/tcp";
        return new ImageExpectations(service, repoTag, entrypoint, profile.get("quarkus.jib.user"), port, env,
                profile.getOrDefault("quarkus.jib.working-directory", QUARKUS_WORKING_DIR), version);
    }

    /** Fails with what differs; base is the image it was built on when known (null: a registry's, not at hand). */
    void check(ImageTarball image, ImageTarball base) {
        var config = image.config();
        assertEquals(repoTag, image.repoTag(), service);
        assertEquals(entrypoint, image.strings("Entrypoint"), service + "'s entrypoint");
        assertTrue(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull(), service + " has no Cmd to append");

        String actualUser = config.path("User").asText();
        assertTrue(actualUser.matches("[0-9]+") && !actualUser.matches("0+"),
                service + " runs as a numeric non-root user (runAsNonRoot can verify only a number): " + actualUser);
        assertEquals(user, actualUser, service + "'s user");

        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertEquals(List.of(port), ports, service + "'s ports");

        for (String label : LABELS) {
            assertFalse(config.at("/Labels/org.opencontainers.image." + label).asText().isBlank(), service + " label " + label);
        }
        assertEquals(version, config.at("/Labels/org.opencontainers.image.version").asText(), service);
        assertEquals(service, config.at("/Labels/org.opencontainers.image.title").asText(), service);

        assertEquals(workingDir, config.path("WorkingDir").asText(), service + "'s working directory");
        List<String> actualEnv = image.strings("Env");
        assertTrue(actualEnv.containsAll(env), service + " sets " + env + ": " + actualEnv);
        if (base != null) {
            checkOnBase(image, base, actualEnv);
        }
    }

    /** The base's layers come first, the service's on top; its environment (PATH finds java) is kept. */
    private void checkOnBase(ImageTarball image, ImageTarball base, List<String> actualEnv) {
        List<String> baseLayers = base.diffIds();
        List<String> layers = image.diffIds();
        assertFalse(baseLayers.isEmpty(), "the base has layers");
        assertTrue(layers.size() > baseLayers.size() && layers.subList(0, baseLayers.size()).equals(baseLayers),
                service + "'s layers sit on the base's " + baseLayers + ": " + layers);
        Set<String> expected = new LinkedHashSet<>(base.strings("Env"));
        expected.addAll(env);
        Set<String> extra = new LinkedHashSet<>(actualEnv);
        extra.removeAll(expected);
        extra.remove(APPCDS_ENV);
        assertEquals(Set.of(), extra, service + ": nothing in the environment beyond the base's and the profile's");
        assertTrue(actualEnv.containsAll(expected), service + " keeps the base's environment " + expected + ": " + actualEnv);
    }
}
