package com.orderdesk.cartcom.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.model.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Kubernetes manifests, proven without a cluster: the base and both overlays render (as kustomize renders them),
 * every resource reads strictly with its API model, and the wiring holds: what the Deployments reference exists, every
 * topic has its KafkaTopic, each service's Kafka ACLs are exactly what its configuration consumes and produces, every
 * Deployment is hardened and probed, the images are those the build produces, and no consumer has more instances than
 * partitions.
 */
class ManifestTest {
    static final Path ROOT = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final List<String> SERVICES = List.of("settings-service", "order-poller", "order-importer", "shipment-sync");
    static final String KAFKA = "cartcom-kafka";
    static final String PG = "cartcom-pg";

    /**
     * Secrets the production overlay does not hold, created by whoever installs it (docs/deploy.md, "Secrets"), with
     * their keys. The local overlay generates exactly these, with development values.
     */
    static final Map<String, Set<String>> PROVIDED_SECRETS = Map.of(
            "cartcom-admin-token", Set.of("token"),
            "cartcom-token-keys", Set.of("keys", "active-id"),
            "cartcom-pg-settings", Set.of("username", "password"),
            "cartcom-pg-poller", Set.of("username", "password"),
            "cartcom-pg-importer", Set.of("username", "password"),
            "cartcom-pg-shipments", Set.of("username", "password"));

    static List<ObjectNode> render(String dir) {
        return Kustomize.build(K8S.resolve(dir));
    }

    static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    static ObjectNode named(List<ObjectNode> resources, String kind, String name) {
        return ofKind(resources, kind).stream().filter(r -> r.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    // ---- rendering and API models -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void rendersAsKubectlKustomizeDoes(String dir) {
        List<ObjectNode> ours = render(dir);
        List<ObjectNode> kubectl = Kustomize.withKubectl(K8S.resolve(dir));
        if (kubectl == null) {
            System.out.println("[k8s] kubectl not on the PATH: " + dir + " rendered by the test's own renderer only");
            return;
        }
        Map<String, ObjectNode> a = Kustomize.byId(ours);
        Map<String, ObjectNode> b = Kustomize.byId(kubectl);
        assertEquals(new TreeSet<>(b.keySet()), new TreeSet<>(a.keySet()), dir + ": the same resources");
        for (String id : a.keySet()) {
            assertEquals(b.get(id), a.get(id), dir + ": " + id + " as kubectl kustomize renders it");
        }
        System.out.println("[k8s] " + dir + ": " + a.size() + " resources, the same as kubectl kustomize renders");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyResourceReadsStrictlyWithItsApiModel(String dir) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode resource : render(dir)) {
            for (String problem : ApiModels.check(resource)) {
                problems.add(Kustomize.id(resource) + ": " + problem);
            }
        }
        assertEquals(List.of(), problems, dir);
    }

    @Test
    void theStrictReadingCatchesAnUnknownFieldAtAnyDepth() {
        ObjectNode deployment = named(render("overlays/local"), "Deployment", "order-importer").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0/livenessProbe/httpGet")).put("pathh", "/q/health");
        assertFalse(ApiModels.check(deployment).isEmpty(), "a misspelt probe field is found");
        ObjectNode topic = named(render("overlays/local"), "KafkaTopic", "cartcom-orders-raw-v1").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partition", 3);
        assertFalse(ApiModels.check(topic).isEmpty(), "an unknown KafkaTopic field is found");
        ObjectNode cluster = named(render("overlays/local"), "Cluster", PG).deepCopy();
        ((ObjectNode) cluster.at("/spec/managed/roles/0")).put("pasword", "x");
        assertFalse(ApiModels.check(cluster).isEmpty(), "an unknown CNPG role field is found");
    }

    // ---- overlays ---------------------------------------------------------------------------------------------

    @Test
    void localRunsOneOfEverythingAndProductionThreeAndTwoOrMore() {
        List<ObjectNode> local = render("overlays/local");
        for (ObjectNode d : ofKind(local, "Deployment")) {
            assertEquals(1, d.at("/spec/replicas").asInt(), Kustomize.id(d));
        }
        assertEquals(1, named(local, "Cluster", PG).at("/spec/instances").asInt());
        List<ObjectNode> localPools = ofKind(local, "KafkaNodePool");
        assertEquals(1, localPools.size());
        assertEquals(1, localPools.get(0).at("/spec/replicas").asInt());
        assertEquals(Set.of("controller", "broker"), strings(localPools.get(0).at("/spec/roles")));
        assertEquals(1, named(local, "Kafka", KAFKA).at("/spec/kafka/config/default.replication.factor").asInt());

        List<ObjectNode> prod = render("overlays/production");
        for (ObjectNode d : ofKind(prod, "Deployment")) {
            assertTrue(d.at("/spec/replicas").asInt() >= 2, Kustomize.id(d) + " runs 2 or more");
        }
        assertEquals(3, named(prod, "Cluster", PG).at("/spec/instances").asInt());
        Map<String, Integer> roles = new TreeMap<>();
        for (ObjectNode pool : ofKind(prod, "KafkaNodePool")) {
            for (String role : strings(pool.at("/spec/roles"))) {
                roles.merge(role, pool.at("/spec/replicas").asInt(), Integer::sum);
            }
        }
        assertEquals(Map.of("broker", 3, "controller", 3), roles);
        JsonNode config = named(prod, "Kafka", KAFKA).at("/spec/kafka/config");
        assertEquals(3, config.get("default.replication.factor").asInt());
        assertEquals(2, config.get("min.insync.replicas").asInt());
        assertEquals(Set.of("order-poller", "order-importer", "shipment-sync"),
                ofKind(prod, "HorizontalPodAutoscaler").stream().map(h -> h.at("/spec/scaleTargetRef/name").asText())
                        .collect(Collectors.toSet()));
        for (ObjectNode hpa : ofKind(prod, "HorizontalPodAutoscaler")) {
            assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, Kustomize.id(hpa));
        }
    }

    // ---- Kafka ----------------------------------------------------------------------------------------------

    @Test
    void theClusterHasATlsScramListenerAndAuthorization() {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            JsonNode kafka = named(render(dir), "Kafka", KAFKA).at("/spec/kafka");
            assertEquals(1, kafka.get("listeners").size(), "one listener, for everyone");
            JsonNode listener = kafka.get("listeners").get(0);
            assertTrue(listener.get("tls").asBoolean());
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText());
            assertEquals("simple", kafka.at("/authorization/type").asText());
            assertFalse(kafka.at("/config/auto.create.topics.enable").asBoolean(true));
        }
    }

    @Test
    void everyTopicOfTopicsAndItsDeadLetterTopicHasAKafkaTopicAndNothingElseDoes() {
        List<ObjectNode> resources = render("overlays/production");
        Map<String, JsonNode> topics = topics(resources);
        assertEquals(new TreeSet<>(Topics.allWithDeadLetters()), new TreeSet<>(topics.keySet()));
        for (ObjectNode t : ofKind(resources, "KafkaTopic")) {
            assertEquals(KAFKA, t.at("/metadata/labels/strimzi.io~1cluster").asText(), Kustomize.id(t));
        }
        for (String topic : Topics.allWithDeadLetters()) {
            JsonNode config = topics.get(topic).get("config");
            boolean compacted = Topics.COMPACTED.contains(topic);
            assertEquals(compacted ? "compact" : "delete", config.path("cleanup.policy").asText("delete"), topic);
            assertTrue(config.has("retention.ms"), topic + " has its retention chosen");
        }
    }

    @Test
    void eachServicesKafkaUserAllowsExactlyWhatItConsumesAndProducesWithItsOwnGroup() {
        Map<String, KafkaUserAcls> users = kafkaUsers(render("overlays/production"));
        assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(users.keySet()), "one KafkaUser per service");
        for (String service : SERVICES) {
            ServiceWiring wiring = ServiceWiring.of(ROOT, service);
            KafkaUserAcls acls = users.get(service);
            assertEquals(wiring.consumes(), acls.reads(), service + " reads what it consumes, nothing more");
            assertEquals(wiring.produces(), acls.writes(), service + " writes what it produces, nothing more");
            assertEquals(Set.of(service), wiring.groups(), service + " consumes with a group of its own name");
            assertEquals(wiring.groups(), acls.groups(), service + "'s group is the one its ACLs allow");
            assertTrue(Topics.allWithDeadLetters().containsAll(wiring.consumes()), service + " consumes only topics of Topics");
            assertTrue(Topics.allWithDeadLetters().containsAll(wiring.produces()), service + " produces only topics of Topics");
        }
    }

    @Test
    void onlyTheOwnerWritesTheSettingsRawAndImportedTopics() {
        Map<String, KafkaUserAcls> users = kafkaUsers(render("overlays/production"));
        Map<String, Set<String>> writers = new HashMap<>();
        users.forEach((user, acls) -> acls.writes().forEach(t -> writers.computeIfAbsent(t, k -> new TreeSet<>()).add(user)));
        assertEquals(Set.of("settings-service"), writers.get(Topics.STORE_SETTINGS));
        assertEquals(Set.of("order-poller"), writers.get(Topics.ORDERS_RAW));
        assertEquals(Set.of("order-importer"), writers.get(Topics.ORDERS_IMPORTED));
        assertEquals(Set.of("order-importer"), writers.get(Topics.SHIPMENTS_CREATED));
    }

    @Test
    void noConsumerRunsMoreInstancesThanThePartitionsOfATopicItConsumes() {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            List<ObjectNode> resources = render(dir);
            Map<String, JsonNode> topics = topics(resources);
            for (String service : SERVICES) {
                int most = named(resources, "Deployment", service).at("/spec/replicas").asInt();
                for (ObjectNode hpa : ofKind(resources, "HorizontalPodAutoscaler")) {
                    if (hpa.at("/spec/scaleTargetRef/name").asText().equals(service)) {
                        most = Math.max(most, hpa.at("/spec/maxReplicas").asInt());
                    }
                }
                for (String topic : ServiceWiring.of(ROOT, service).consumes()) {
                    int partitions = topics.get(topic).get("partitions").asInt();
                    assertTrue(most <= partitions, dir + ": " + service + " may run " + most + " instances, "
                            + topic + " has " + partitions + " partitions");
                }
            }
        }
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------------------

    @Test
    void eachServiceConnectsToItsOwnDatabaseAsItsOwner() {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            List<ObjectNode> resources = render(dir);
            ObjectNode cluster = named(resources, "Cluster", PG);
            Map<String, String> roleBySecret = new HashMap<>();
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                assertTrue(role.get("login").asBoolean(), role.toString());
                roleBySecret.put(role.at("/passwordSecret/name").asText(), role.get("name").asText());
            }
            Map<String, String> ownerByDatabase = new HashMap<>();
            JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
            ownerByDatabase.put(initdb.get("database").asText(), initdb.get("owner").asText());
            assertEquals(initdb.at("/secret/name").asText(), secretOfRole(roleBySecret, initdb.get("owner").asText()));
            for (ObjectNode db : ofKind(resources, "Database")) {
                assertEquals(PG, db.at("/spec/cluster/name").asText());
                ownerByDatabase.put(db.at("/spec/name").asText(), db.at("/spec/owner").asText());
            }
            Set<String> databases = new HashSet<>();
            for (String service : SERVICES) {
                Map<String, JsonNode> env = env(named(resources, "Deployment", service));
                Matcher url = Pattern.compile("jdbc:postgresql://" + PG + "-rw:5432/([a-z_]+)\\?sslmode=verify-full&.*")
                        .matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL").get("value").asText());
                assertTrue(url.matches(), service + " reaches the primary over verified TLS");
                String database = url.group(1);
                assertTrue(databases.add(database), service + " has a database of its own");
                String secret = env.get("QUARKUS_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef/name").asText();
                assertEquals(secret, env.get("QUARKUS_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText());
                assertEquals(ownerByDatabase.get(database), roleBySecret.get(secret),
                        service + " logs in as the owner of " + database);
            }
            // The local overlay's generated credentials name the role they are for.
            if (dir.endsWith("local")) {
                roleBySecret.forEach((secret, role) -> assertEquals(role,
                        decoded(named(resources, "Secret", secret), "username"), secret));
            }
        }
    }

    @Test
    void theServicesPoolsAtTheirMostFitInPostgresqlsConnections() throws Exception {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            List<ObjectNode> resources = render(dir);
            int connections = 0;
            for (String service : SERVICES) {
                int instances = named(resources, "Deployment", service).at("/spec/replicas").asInt();
                for (ObjectNode hpa : ofKind(resources, "HorizontalPodAutoscaler")) {
                    if (hpa.at("/spec/scaleTargetRef/name").asText().equals(service)) {
                        instances = Math.max(instances, hpa.at("/spec/maxReplicas").asInt());
                    }
                }
                java.util.Properties props = new java.util.Properties();
                try (var reader = Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                    props.load(reader);
                }
                // Quarkus' default pool size, unless the service sets its own.
                connections += instances * Integer.parseInt(props.getProperty("quarkus.datasource.jdbc.max-size", "20"));
            }
            int max = Integer.parseInt(named(resources, "Cluster", PG).at("/spec/postgresql/parameters/max_connections").asText());
            // Room for the operator, replication and an operator's psql.
            assertTrue(connections + 20 <= max, dir + ": " + connections + " pooled connections at most, max_connections " + max);
        }
    }

    private static String secretOfRole(Map<String, String> roleBySecret, String role) {
        return roleBySecret.entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    // ---- the Deployments ------------------------------------------------------------------------------------

    @Test
    void everySecretAndConfigMapKeyReferencedExistsOrIsMadeByAnOperator() {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            List<ObjectNode> resources = render(dir);
            Map<String, Set<String>> secrets = new HashMap<>(operatorSecrets(resources));
            Map<String, Set<String>> configMaps = new HashMap<>();
            for (ObjectNode s : ofKind(resources, "Secret")) {
                secrets.put(s.at("/metadata/name").asText(), keys(s));
            }
            for (ObjectNode c : ofKind(resources, "ConfigMap")) {
                configMaps.put(c.at("/metadata/name").asText(), keys(c));
            }
            if (dir.endsWith("production")) {
                PROVIDED_SECRETS.forEach((name, keys) -> assertFalse(secrets.containsKey(name),
                        "production does not hold " + name));
                secrets.putAll(PROVIDED_SECRETS);
            } else {
                Map<String, Set<String>> generated = new HashMap<>();
                for (ObjectNode s : ofKind(resources, "Secret")) {
                    generated.put(s.at("/metadata/name").asText(), keys(s));
                }
                assertEquals(PROVIDED_SECRETS, generated, "local generates exactly the Secrets production expects");
            }
            List<String> missing = new ArrayList<>();
            for (ObjectNode d : ofKind(resources, "Deployment")) {
                JsonNode pod = d.at("/spec/template/spec");
                for (JsonNode c : pod.get("containers")) {
                    for (JsonNode e : c.path("env")) {
                        JsonNode ref = e.at("/valueFrom/secretKeyRef");
                        if (!ref.isMissingNode()) {
                            check(secrets, ref.get("name").asText(), ref.get("key").asText(), Kustomize.id(d), missing);
                        }
                        ref = e.at("/valueFrom/configMapKeyRef");
                        if (!ref.isMissingNode()) {
                            check(configMaps, ref.get("name").asText(), ref.get("key").asText(), Kustomize.id(d), missing);
                        }
                    }
                    for (JsonNode from : c.path("envFrom")) {
                        if (from.has("configMapRef") && !configMaps.containsKey(from.at("/configMapRef/name").asText())) {
                            missing.add(Kustomize.id(d) + ": ConfigMap " + from.at("/configMapRef/name").asText());
                        }
                        if (from.has("secretRef") && !secrets.containsKey(from.at("/secretRef/name").asText())) {
                            missing.add(Kustomize.id(d) + ": Secret " + from.at("/secretRef/name").asText());
                        }
                    }
                }
                for (JsonNode v : pod.path("volumes")) {
                    if (v.has("secret")) {
                        for (JsonNode item : v.at("/secret/items")) {
                            check(secrets, v.at("/secret/secretName").asText(), item.get("key").asText(), Kustomize.id(d), missing);
                        }
                    }
                }
            }
            for (ObjectNode m : ofKind(resources, "PodMonitor")) {
                for (JsonNode ep : m.at("/spec/podMetricsEndpoints")) {
                    JsonNode cred = ep.at("/authorization/credentials");
                    if (!cred.isMissingNode()) {
                        check(secrets, cred.get("name").asText(), cred.get("key").asText(), Kustomize.id(m), missing);
                    }
                }
            }
            ObjectNode cluster = named(resources, "Cluster", PG);
            for (JsonNode q : cluster.at("/spec/monitoring/customQueriesConfigMap")) {
                check(configMaps, q.get("name").asText(), q.get("key").asText(), Kustomize.id(cluster), missing);
            }
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                check(secrets, role.at("/passwordSecret/name").asText(), "password", Kustomize.id(cluster), missing);
            }
            assertEquals(List.of(), missing, dir);
        }
    }

    /** What Strimzi and CloudNativePG create: the KafkaUser's Secret, the cluster CAs. */
    private static Map<String, Set<String>> operatorSecrets(List<ObjectNode> resources) {
        Map<String, Set<String>> made = new HashMap<>();
        for (ObjectNode user : ofKind(resources, "KafkaUser")) {
            made.put(user.at("/metadata/name").asText(), Set.of("password", "sasl.jaas.config"));
        }
        for (ObjectNode kafka : ofKind(resources, "Kafka")) {
            made.put(kafka.at("/metadata/name").asText() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (ObjectNode cluster : ofKind(resources, "Cluster")) {
            made.put(cluster.at("/metadata/name").asText() + "-ca", Set.of("ca.crt", "ca.key"));
        }
        return made;
    }

    private static void check(Map<String, Set<String>> known, String name, String key, String who, List<String> missing) {
        if (!known.getOrDefault(name, Set.of()).contains(key)) {
            missing.add(who + ": " + name + "/" + key);
        }
    }

    @Test
    void everyDeploymentLogsIntoKafkaAsItsOwnUserOverTls() {
        List<ObjectNode> resources = render("overlays/production");
        JsonNode config = named(resources, "ConfigMap", "cartcom-integration").get("data");
        assertEquals(KAFKA + "-kafka-bootstrap:9093", config.get("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals("SASL_SSL", config.get("KAFKA_SECURITY_PROTOCOL").asText());
        assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM").asText());
        assertEquals("PEM", config.get("KAFKA_SSL_TRUSTSTORE_TYPE").asText());
        for (String service : SERVICES) {
            ObjectNode d = named(resources, "Deployment", service);
            assertEquals(service, env(d).get("KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef/name").asText());
            String truststore = config.get("KAFKA_SSL_TRUSTSTORE_LOCATION").asText();
            assertTrue(mountedSecretFile(d, truststore).equals(KAFKA + "-cluster-ca-cert/ca.crt"), service);
            String jdbc = env(d).get("QUARKUS_DATASOURCE_JDBC_URL").get("value").asText();
            String rootCert = jdbc.substring(jdbc.indexOf("sslrootcert=") + "sslrootcert=".length());
            assertEquals(PG + "-ca/ca.crt", mountedSecretFile(d, rootCert), service);
        }
    }

    /** secret/key of the file a path names inside the pod. */
    private static String mountedSecretFile(ObjectNode deployment, String path) {
        JsonNode pod = deployment.at("/spec/template/spec");
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            String dir = mount.get("mountPath").asText();
            if (path.startsWith(dir + "/")) {
                for (JsonNode v : pod.get("volumes")) {
                    if (v.get("name").asText().equals(mount.get("name").asText()) && v.has("secret")) {
                        for (JsonNode item : v.at("/secret/items")) {
                            if ((dir + "/" + item.get("path").asText()).equals(path)) {
                                return v.at("/secret/secretName").asText() + "/" + item.get("key").asText();
                            }
                        }
                    }
                }
            }
        }
        return "(not mounted) " + path;
    }

    @Test
    void everyDeploymentIsProbedLimitedAndLockedDown() {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            List<ObjectNode> resources = render(dir);
            assertEquals(new TreeSet<>(SERVICES), ofKind(resources, "Deployment").stream()
                    .map(d -> d.at("/metadata/name").asText()).collect(Collectors.toCollection(TreeSet::new)));
            for (String service : SERVICES) {
                ObjectNode d = named(resources, "Deployment", service);
                String id = dir + " " + service;
                JsonNode pod = d.at("/spec/template/spec");
                assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), id);
                assertFalse(pod.at("/automountServiceAccountToken").asBoolean(true), id + " needs no API token");
                assertEquals(1, pod.get("containers").size(), id);
                JsonNode c = pod.at("/containers/0");
                int port = ServiceWiring.of(ROOT, service).httpPort();
                assertEquals(port, c.at("/ports/0/containerPort").asInt(), id + " listens where quarkus.http.port says");
                assertEquals("http", c.at("/ports/0/name").asText(), id);
                Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe",
                        "/q/health/ready", "livenessProbe", "/q/health/live");
                probes.forEach((probe, path) -> {
                    assertEquals(path, c.at("/" + probe + "/httpGet/path").asText(), id + " " + probe);
                    assertEquals("http", c.at("/" + probe + "/httpGet/port").asText(), id + " " + probe);
                });
                for (String r : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory",
                        "/resources/limits/cpu")) {
                    assertFalse(c.at(r).isMissingNode(), id + " sets " + r);
                }
                assertTrue(mebibytes(c.at("/resources/limits/memory").asText())
                        >= mebibytes(c.at("/resources/requests/memory").asText()), id);
                JsonNode sc = c.get("securityContext");
                assertTrue(sc.get("runAsNonRoot").asBoolean(), id);
                assertTrue(sc.get("readOnlyRootFilesystem").asBoolean(), id);
                assertFalse(sc.get("allowPrivilegeEscalation").asBoolean(true), id);
                assertEquals(Set.of("ALL"), strings(sc.at("/capabilities/drop")), id);
                String tmpVolume = null;
                for (JsonNode m : c.get("volumeMounts")) {
                    if (m.get("mountPath").asText().equals("/tmp")) {
                        tmpVolume = m.get("name").asText();
                    }
                }
                assertNotNull(tmpVolume, id + " mounts a writable /tmp");
                for (JsonNode v : pod.get("volumes")) {
                    if (v.get("name").asText().equals(tmpVolume)) {
                        assertTrue(v.has("emptyDir"), id + " /tmp is an emptyDir");
                    }
                }
                assertEquals(1, ofKind(resources, "PodDisruptionBudget").stream().filter(p ->
                        p.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText().equals(service)).count(),
                        id + " has a PodDisruptionBudget");
                Set<String> envNames = env(d).keySet();
                for (String key : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG", "CARTCOM_TOKEN_KEYS",
                        "CARTCOM_TOKEN_KEY_ID", "ORDERDESK_ADMIN_TOKEN")) {
                    assertTrue(envNames.contains(key), id + " sets " + key);
                }
            }
        }
    }

    @Test
    void theImagesAreThoseTheBuildProducesRunAsTheirUser() throws Exception {
        Map<String, String> first = null;
        for (String service : SERVICES) {
            Map<String, String> props = imageProfile(service);
            Map<String, String> shared = new TreeMap<>(props);
            shared.remove("quarkus.jib.ports");
            if (first == null) {
                first = shared;
            }
            assertEquals(first, shared, service + "'s image profile is the same as the others'");
            assertEquals(String.valueOf(ServiceWiring.of(ROOT, service).httpPort()), props.get("quarkus.jib.ports"));
            String repository = props.get("quarkus.container-image.group") + "/" + props.get("quarkus.container-image.name")
                    .replace("${project.artifactId}", service);
            String version = projectVersion();
            for (String dir : List.of("base", "overlays/local", "overlays/production")) {
                ObjectNode d = named(render(dir), "Deployment", service);
                String image = d.at("/spec/template/spec/containers/0/image").asText();
                String name = Kustomize.imageName(image);
                assertTrue(name.equals(repository) || name.endsWith("/" + repository), dir + " " + service + ": " + image);
                if (!dir.endsWith("production")) {
                    assertEquals(props.get("quarkus.container-image.tag").replace("${project.version}", version),
                            Kustomize.imageTag(image), dir + " " + service + " runs the tag the build writes");
                }
                assertEquals(props.get("quarkus.jib.user"), d.at("/spec/template/spec/securityContext/runAsUser").asText(),
                        dir + " " + service + " runs as the image's user");
            }
        }
    }

    // ---- traffic --------------------------------------------------------------------------------------------

    @Test
    void onlyTheMerchantApisAndTheWebhookReceiverTakeTrafficFromTheIngress() {
        for (String dir : List.of("overlays/local", "overlays/production")) {
            List<ObjectNode> resources = render(dir);
            Set<String> backends = new TreeSet<>();
            for (ObjectNode ingress : ofKind(resources, "Ingress")) {
                for (JsonNode rule : ingress.at("/spec/rules")) {
                    for (JsonNode path : rule.at("/http/paths")) {
                        String service = path.at("/backend/service/name").asText();
                        backends.add(service);
                        assertEquals(service.equals("order-poller") ? "/webhooks/cartcom" : "/api/v1",
                                path.path("path").asText(), dir + ": " + service + " is reached on its public path only");
                    }
                }
            }
            assertEquals(Set.of("order-importer", "order-poller", "settings-service"), backends, dir);
            Set<String> fromIngress = new TreeSet<>();
            boolean denyAll = false;
            for (ObjectNode policy : ofKind(resources, "NetworkPolicy")) {
                JsonNode spec = policy.get("spec");
                if (!spec.has("ingress") && !spec.has("egress") && strings(spec.get("policyTypes")).equals(Set.of("Ingress", "Egress"))
                        && spec.at("/podSelector/matchLabels/app.kubernetes.io~1component").asText().equals("service")) {
                    denyAll = true;
                }
                for (JsonNode rule : spec.path("ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        if (from.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText().equals("ingress-nginx")) {
                            JsonNode names = spec.at("/podSelector/matchExpressions/0/values");
                            fromIngress.addAll(strings(names));
                        }
                    }
                }
            }
            assertTrue(denyAll, dir + ": the services' pods deny what no policy allows");
            // Out: DNS, Kafka's TLS listener, PostgreSQL, https, order-poller's port (the call budget); nothing else.
            Set<String> egress = new TreeSet<>();
            for (ObjectNode policy : ofKind(resources, "NetworkPolicy")) {
                for (JsonNode rule : policy.at("/spec").path("egress")) {
                    for (JsonNode port : rule.path("ports")) {
                        egress.add(port.path("protocol").asText("TCP") + "/" + port.get("port").asText());
                    }
                    assertTrue(rule.has("ports"), "every egress rule names its ports: " + rule);
                }
            }
            assertEquals(Set.of("UDP/53", "TCP/53", "TCP/9093", "TCP/5432", "TCP/443", "TCP/8082"), egress, dir);
            // The stores' shared call budget: the other services reach order-poller's port, where the ConfigMap says.
            int pollerPort = named(resources, "Service", "order-poller").at("/spec/ports/0/port").asInt();
            assertEquals("http://order-poller:" + pollerPort, named(resources, "ConfigMap", "cartcom-integration")
                    .at("/data/CARTCOM_BUDGET_URLS").asText(), dir);
            assertTrue(ofKind(resources, "NetworkPolicy").stream().map(policy -> policy.get("spec")).anyMatch(spec ->
                    spec.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText().equals("order-poller")
                            && spec.at("/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1component").asText()
                            .equals("service")), dir + ": the services may reach order-poller's call budget");
            int kafkaPort = named(resources, "Kafka", KAFKA).at("/spec/kafka/listeners/0/port").asInt();
            assertTrue(named(resources, "ConfigMap", "cartcom-integration").at("/data/KAFKA_BOOTSTRAP_SERVERS").asText()
                    .endsWith(":" + kafkaPort), "the services reach the listener the policy lets them reach");
            assertEquals(Set.of("order-importer", "order-poller", "settings-service"), fromIngress, dir);
        }
    }

    // ---- observability --------------------------------------------------------------------------------------

    @Test
    void theDashboardShowsTheIntegrationsGaugesFromMetricsThatExist() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(K8S.resolve("base/observability/cartcom-integration.json").toFile());
        StringBuilder exprs = new StringBuilder();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.append(target.get("expr").asText()).append('\n');
            }
        }
        String all = exprs.toString();
        // What the issue asks to watch, and where each comes from.
        Map<String, String> gauges = new LinkedHashMap<>();
        gauges.put("poll failures", "cartcom_poller_polls_total\\{[^}]*outcome=\"failed\"");
        gauges.put("429s", "cartcom_poller_polls_total\\{[^}]*outcome=\"throttled\"");
        gauges.put("status-update backlog", "cnpg_cartcom_status_updates_pending\\{");
        gauges.put("pending shipments", "cnpg_cartcom_shipments_pending\\{");
        gauges.put("consumer lag", "kafka_consumergroup_lag\\{[^}]*consumergroup=~\"settings-service\\|order-poller\\|order-importer\\|shipment-sync\"");
        gauges.forEach((what, metric) -> assertTrue(Pattern.compile(metric).matcher(all).find(),
                "the dashboard shows " + what + ": " + metric));
        // Metrics the services register (Micrometer names in main code, as Prometheus renders them) or the
        // monitoring queries define: a panel on a name nobody exports would stay empty.
        Set<String> exported = new TreeSet<>(micrometerNames());
        String queries = named(render("base"), "ConfigMap", "cartcom-pg-monitoring").at("/data/queries").asText();
        JsonNode parsed = Kustomize.read(queries).get(0);
        parsed.fieldNames().forEachRemaining(q -> parsed.get(q).get("metrics").forEach(m ->
                m.fieldNames().forEachRemaining(col -> exported.add("cnpg_" + q + "_" + col))));
        Matcher m = Pattern.compile("\\b((?:cartcom|outbox|importer|cnpg_cartcom)_[a-z_]+)").matcher(all);
        while (m.find()) {
            String metric = m.group(1);
            assertTrue(exported.contains(metric) || exported.contains(metric.replaceAll("_(total|seconds_count|seconds_sum|seconds_max)$", "")),
                    "the dashboard's " + metric + " is exported by a service or a monitoring query: " + exported);
        }
    }

    /** Micrometer meter names in main code (metrics.counter("a.b") is a_b_total at /q/metrics). */
    private static Set<String> micrometerNames() throws Exception {
        Set<String> names = new TreeSet<>();
        Pattern meter = Pattern.compile("\\.(?:counter|gauge|timer)\\(\"([a-z.]+)\"");
        Pattern constant = Pattern.compile("_METRIC = \"([a-z.]+)\"");
        for (String module : List.of("settings-service", "order-poller", "order-importer", "shipment-sync", "service-kit")) {
            try (var files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    for (Pattern p : List.of(meter, constant)) {
                        Matcher m = p.matcher(src);
                        while (m.find()) {
                            names.add(m.group(1).replace('.', '_'));
                        }
                    }
                }
            }
        }
        return names;
    }

    @Test
    void theDeployDocTellsHowToCreateEverySecretProductionExpects() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/deploy.md"));
        for (String secret : PROVIDED_SECRETS.keySet()) {
            assertTrue(doc.contains(secret), "docs/deploy.md creates " + secret);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    record KafkaUserAcls(Set<String> reads, Set<String> writes, Set<String> groups) {
    }

    static Map<String, KafkaUserAcls> kafkaUsers(List<ObjectNode> resources) {
        Map<String, KafkaUserAcls> users = new TreeMap<>();
        for (ObjectNode user : ofKind(resources, "KafkaUser")) {
            assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
            Set<String> reads = new TreeSet<>();
            Set<String> writes = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                assertEquals("literal", acl.at("/resource/patternType").asText(), "no prefixes or wildcards: " + acl);
                String type = acl.at("/resource/type").asText();
                String name = acl.at("/resource/name").asText();
                Set<String> ops = strings(acl.get("operations"));
                if (type.equals("topic")) {
                    if (ops.equals(Set.of("Describe", "Read"))) {
                        reads.add(name);
                    } else if (ops.equals(Set.of("Describe", "Write"))) {
                        writes.add(name);
                    } else {
                        fail("a topic ACL reads or writes, nothing else: " + acl);
                    }
                } else if (type.equals("group")) {
                    assertEquals(Set.of("Read"), ops, acl.toString());
                    groups.add(name);
                } else {
                    fail("only topic and group ACLs: " + acl);
                }
            }
            users.put(user.at("/metadata/name").asText(), new KafkaUserAcls(reads, writes, groups));
        }
        return users;
    }

    static Map<String, JsonNode> topics(List<ObjectNode> resources) {
        Map<String, JsonNode> topics = new TreeMap<>();
        for (ObjectNode t : ofKind(resources, "KafkaTopic")) {
            String name = t.at("/spec/topicName").asText(t.at("/metadata/name").asText());
            assertTrue(topics.put(name, t.get("spec")) == null, "one KafkaTopic for " + name);
        }
        return topics;
    }

    static Map<String, JsonNode> env(ObjectNode deployment) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
            env.put(e.get("name").asText(), e);
        }
        return env;
    }

    static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Set<String> keys(JsonNode configMapOrSecret) {
        Set<String> keys = new TreeSet<>();
        for (String field : List.of("data", "stringData", "binaryData")) {
            configMapOrSecret.path(field).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    static String decoded(JsonNode secret, String key) {
        return new String(Base64.getDecoder().decode(secret.at("/data/" + key).asText()), StandardCharsets.UTF_8);
    }

    static long mebibytes(String quantity) {
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        throw new IllegalArgumentException("memory in Mi or Gi: " + quantity);
    }

    /** The properties of a service pom's container-image profile. */
    static Map<String, String> imageProfile(String service) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve(service + "/pom.xml").toFile());
        NodeList profiles = doc.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (profile.getElementsByTagName("id").item(0).getTextContent().equals("container-image")) {
                Map<String, String> props = new TreeMap<>();
                NodeList children = ((Element) profile.getElementsByTagName("properties").item(0)).getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    if (children.item(j) instanceof Element e) {
                        props.put(e.getTagName(), e.getTextContent().trim());
                    }
                }
                return props;
            }
        }
        throw new AssertionError(service + " has no container-image profile");
    }

    static String projectVersion() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        NodeList children = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals("version")) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError("no version");
    }
}
