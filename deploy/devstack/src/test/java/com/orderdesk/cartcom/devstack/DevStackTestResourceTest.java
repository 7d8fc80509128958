package com.orderdesk.cartcom.devstack;

import com.orderdesk.cartcom.model.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test resource as Quarkus drives it: init, start, the config it hands over, and one stack for all. */
class DevStackTestResourceTest {

    @Test
    void providesKafkaAndTheNamedDatabaseFromOneSharedStack() throws Exception {
        Map<String, String> settings = start(Map.of(DevStackTestResource.DATABASE_ARG, DevStack.SETTINGS_DB));
        Map<String, String> importer = start(Map.of(DevStackTestResource.DATABASE_ARG, "importer_it"));
        Map<String, String> noDb = start(Map.of());

        assertEquals(settings.get("kafka.bootstrap.servers"), importer.get("kafka.bootstrap.servers"));
        assertTrue(settings.get("quarkus.datasource.jdbc.url").endsWith("/settings"));
        assertTrue(importer.get("quarkus.datasource.jdbc.url").endsWith("/importer_it"));
        assertFalse(noDb.containsKey("quarkus.datasource.jdbc.url"));

        try (Connection c = DriverManager.getConnection(importer.get("quarkus.datasource.jdbc.url"),
                importer.get("quarkus.datasource.username"), importer.get("quarkus.datasource.password"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals("importer_it", rs.getString(1));
        }
        try (Admin admin = KafkaBroker.admin(noDb.get("kafka.bootstrap.servers"))) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS)
                    .containsAll(Topics.allWithDeadLetters()));
        }
    }

    private static Map<String, String> start(Map<String, String> initArgs) {
        DevStackTestResource resource = new DevStackTestResource();
        resource.init(initArgs);
        Map<String, String> config = resource.start();
        resource.stop(); // a no-op: the stack lives until the JVM ends
        return config;
    }
}
