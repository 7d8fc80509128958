package com.orderdesk.cartcom.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderdesk.cartcom.devstack.DevStack;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The CloudNativePG exporter's custom queries (ConfigMap cartcom-pg-monitoring, the dashboard's backlogs) run against
 * the services' own schemas, migrated by their own Flyway migrations on a real PostgreSQL (the devstack's, no Kafka):
 * a renamed table or column fails here, not as an empty panel in production. Each query answers one row whose
 * columns are the metrics it declares, numbers for gauges.
 */
class MonitoringQueriesTest {

    @Test
    void everyQueryAnswersOneRowOfItsMetricsOnTheMigratedSchemas() throws Exception {
        List<ObjectNode> local = ManifestTest.render("overlays/local");
        String yaml = ManifestTest.named(local, "ConfigMap", "cartcom-pg-monitoring").at("/data/queries").asText();
        JsonNode queries = Kustomize.read(yaml).get(0);
        Set<String> clusterDatabases = new java.util.TreeSet<>();
        for (String service : ManifestTest.SERVICES) {
            String url = ManifestTest.env(ManifestTest.named(local, "Deployment", service))
                    .get("QUARKUS_DATASOURCE_JDBC_URL").get("value").asText();
            clusterDatabases.add(database(url));
        }
        assertEquals(new java.util.TreeSet<>(DevStack.DATABASES), clusterDatabases,
                "the cluster's databases are the devstack's, so the services' migrations apply as in their tests");

        try (DevStack stack = DevStack.builder().temporary().withKafka(false).start()) {
            Map<String, String> serviceOf = new HashMap<>();
            for (String service : ManifestTest.SERVICES) {
                String url = ManifestTest.env(ManifestTest.named(local, "Deployment", service))
                        .get("QUARKUS_DATASOURCE_JDBC_URL").get("value").asText();
                String database = database(url);
                serviceOf.put(database, service);
                Flyway.configure().dataSource(stack.jdbcUrl(database), stack.username(), stack.password())
                        .locations(flywayLocations(service)).load().migrate();
            }
            List<String> ran = new ArrayList<>();
            for (var it = queries.fields(); it.hasNext(); ) {
                var query = it.next();
                JsonNode spec = query.getValue();
                List<String> columns = new ArrayList<>();
                Map<String, String> usage = new HashMap<>();
                for (JsonNode metric : spec.get("metrics")) {
                    String column = metric.fieldNames().next();
                    columns.add(column);
                    usage.put(column, metric.get(column).get("usage").asText());
                }
                assertFalse(spec.get("target_databases").isEmpty(), query.getKey());
                for (JsonNode db : spec.get("target_databases")) {
                    assertTrue(serviceOf.containsKey(db.asText()), query.getKey() + " targets a service's database");
                    try (Connection c = DriverManager.getConnection(stack.jdbcUrl(db.asText()), stack.username(), stack.password());
                         Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery(spec.get("query").asText())) {
                        ResultSetMetaData meta = rs.getMetaData();
                        List<String> answered = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            answered.add(meta.getColumnLabel(i));
                            boolean numeric = Set.of(Types.BIGINT, Types.INTEGER, Types.NUMERIC, Types.DOUBLE,
                                    Types.REAL, Types.SMALLINT, Types.DECIMAL).contains(meta.getColumnType(i));
                            String use = usage.get(meta.getColumnLabel(i));
                            assertTrue(use == null || use.equals("LABEL") || numeric,
                                    query.getKey() + "." + meta.getColumnLabel(i) + " is a number");
                        }
                        assertEquals(columns, answered, query.getKey() + " on " + db.asText());
                        assertTrue(rs.next(), query.getKey() + " answers a row");
                        assertFalse(rs.next(), query.getKey() + " answers one row");
                    }
                    ran.add(query.getKey() + "@" + db.asText());
                }
            }
            System.out.println("[k8s] monitoring queries ran on the migrated schemas: " + ran);
        }
    }

    private static String database(String jdbcUrl) {
        String path = jdbcUrl.substring(0, jdbcUrl.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The service's quarkus.flyway.locations, as folders of its own resources or the kit's. */
    private static String[] flywayLocations(String service) throws Exception {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ManifestTest.ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            props.load(r);
        }
        List<String> locations = new ArrayList<>();
        for (String location : props.getProperty("quarkus.flyway.locations").split(",")) {
            Path own = ManifestTest.ROOT.resolve(service + "/src/main/resources/" + location.trim());
            Path kit = ManifestTest.ROOT.resolve("service-kit/src/main/resources/" + location.trim());
            Path dir = Files.isDirectory(own) ? own : kit;
            assertTrue(Files.isDirectory(dir), service + " migrations " + location);
            locations.add("filesystem:" + dir);
        }
        return locations.toArray(String[]::new);
    }
}
