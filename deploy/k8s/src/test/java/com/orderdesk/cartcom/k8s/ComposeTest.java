package com.orderdesk.cartcom.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file (deploy/compose) cannot be run here (no Docker engine); what can be checked is that it configures
 * the services with the same keys as the cluster, the same images, and the same databases and owners.
 */
class ComposeTest {
    private static final Path COMPOSE = ManifestTest.ROOT.resolve("deploy/compose");
    /** What only the cluster needs: the TLS and SCRAM settings of its Kafka listener. */
    private static final Set<String> CLUSTER_ONLY = Set.of("KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION");

    @SuppressWarnings("unchecked")
    @Test
    void theServicesGetTheClustersKeysImagesAndDatabases() throws Exception {
        // SnakeYAML resolves the file's merge keys (<<: *service) as compose does.
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertTrue(services.keySet().containsAll(List.of("kafka", "postgres", "sandbox")), services.keySet().toString());
        List<ObjectNode> cluster = ManifestTest.render("overlays/local");
        Set<String> configMapKeys = new TreeSet<>();
        ManifestTest.named(cluster, "ConfigMap", "cartcom-integration").get("data").fieldNames()
                .forEachRemaining(configMapKeys::add);
        String initSql = Files.readString(COMPOSE.resolve("postgres-init/01-databases.sql"));
        Map<String, String> ownerByDatabase = new TreeMap<>();
        Matcher m = Pattern.compile("CREATE DATABASE (\\w+) OWNER (\\w+);").matcher(initSql);
        while (m.find()) {
            ownerByDatabase.put(m.group(1), m.group(2));
        }
        Set<String> databases = new HashSet<>();
        for (String service : ManifestTest.SERVICES) {
            Map<String, Object> s = (Map<String, Object>) services.get(service);
            Map<String, Object> env = (Map<String, Object>) s.get("environment");
            ObjectNode deployment = ManifestTest.named(cluster, "Deployment", service);
            Set<String> clusterKeys = new TreeSet<>(configMapKeys);
            clusterKeys.addAll(ManifestTest.env(deployment).keySet());
            clusterKeys.removeAll(CLUSTER_ONLY);
            assertEquals(clusterKeys, new TreeSet<>(env.keySet()), service + " is configured by the cluster's keys");
            assertEquals(deployment.at("/spec/template/spec/containers/0/image").asText(), s.get("image"), service);
            assertEquals(Boolean.TRUE, s.get("read_only"), service + " runs read-only, as on the cluster");
            String jdbc = (String) env.get("QUARKUS_DATASOURCE_JDBC_URL");
            String database = jdbc.substring(jdbc.lastIndexOf('/') + 1);
            assertTrue(databases.add(database), service);
            assertEquals(ownerByDatabase.get(database), env.get("QUARKUS_DATASOURCE_USERNAME"), service);
            JsonNode dbSecret = ManifestTest.named(cluster, "Secret",
                    ManifestTest.env(deployment).get("QUARKUS_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef/name").asText());
            assertEquals(ManifestTest.decoded(dbSecret, "username"), env.get("QUARKUS_DATASOURCE_USERNAME"),
                    service + " logs in as the same role as on the cluster");
        }
        assertEquals(4, ownerByDatabase.size());
    }
}
