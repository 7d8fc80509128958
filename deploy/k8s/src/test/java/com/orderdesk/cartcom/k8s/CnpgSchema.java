package com.orderdesk.cartcom.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudNativePG's Cluster and Database as its API reference (postgresql.cnpg.io/v1, operator 1.25 and later) defines
 * them, for the objects these manifests use: the field names allowed at each place. A field that is not listed fails
 * (a typo, or a field of another version); a field the reference defines but these manifests do not use yet is added
 * here when it is first used, with the reference at hand. Open maps (PostgreSQL parameters, resources) are not
 * checked inside.
 */
final class CnpgSchema {
    /** Allowed fields by path ("" is the resource, "spec", "spec.bootstrap.initdb", "spec.managed.roles[]", ...). */
    private static final Map<String, Set<String>> CLUSTER = Map.ofEntries(
            Map.entry("", Set.of("apiVersion", "kind", "metadata", "spec")),
            Map.entry("spec", Set.of("affinity", "backup", "bootstrap", "certificates", "description",
                    "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource",
                    "ephemeralVolumesSizeLimit", "externalClusters", "failoverDelay", "imageCatalogRef", "imageName",
                    "imagePullPolicy", "imagePullSecrets", "inheritedMetadata", "instances", "livenessProbeTimeout",
                    "logLevel", "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow",
                    "plugins", "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod",
                    "primaryUpdateStrategy", "priorityClassName", "probes", "projectedVolumeTemplate", "replica",
                    "replicationSlots", "resources", "schedulerName", "seccompProfile", "serviceAccountTemplate",
                    "smartShutdownTimeout", "startDelay", "stopDelay", "storage", "superuserSecret",
                    "switchoverDelay", "tablespaces", "topologySpreadConstraints", "walStorage")),
            Map.entry("spec.postgresql", Set.of("parameters", "pg_hba", "pg_ident", "synchronous",
                    "shared_preload_libraries", "ldap", "promotionTimeout", "enableAlterSystem", "extensions")),
            Map.entry("spec.bootstrap", Set.of("initdb", "recovery", "pg_basebackup")),
            Map.entry("spec.bootstrap.initdb", Set.of("database", "owner", "secret", "options", "dataChecksums",
                    "encoding", "localeCollate", "localeCType", "locale", "localeProvider", "icuLocale", "icuRules",
                    "builtinLocale", "walSegmentSize", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL",
                    "import", "postInitApplicationSQLRefs", "postInitTemplateSQLRefs", "postInitSQLRefs")),
            Map.entry("spec.bootstrap.initdb.secret", Set.of("name")),
            Map.entry("spec.managed", Set.of("roles", "services")),
            Map.entry("spec.managed.roles[]", Set.of("name", "ensure", "comment", "login", "superuser", "createdb",
                    "createrole", "inherit", "replication", "bypassrls", "connectionLimit", "validUntil", "inRoles",
                    "passwordSecret", "disablePassword")),
            Map.entry("spec.managed.roles[].passwordSecret", Set.of("name")),
            Map.entry("spec.storage", Set.of("size", "storageClass", "resizeInUseVolumes", "pvcTemplate")),
            Map.entry("spec.affinity", Set.of("enablePodAntiAffinity", "topologyKey", "nodeSelector", "nodeAffinity",
                    "tolerations", "podAntiAffinityType", "additionalPodAntiAffinity", "additionalPodAffinity")),
            Map.entry("spec.monitoring", Set.of("customQueriesConfigMap", "customQueriesSecret",
                    "disableDefaultQueries", "enablePodMonitor", "podMonitorMetricRelabelings",
                    "podMonitorRelabelings", "tls", "metricsQueriesTTL")),
            Map.entry("spec.monitoring.customQueriesConfigMap[]", Set.of("name", "key")));

    private static final Map<String, Set<String>> DATABASE = Map.ofEntries(
            Map.entry("", Set.of("apiVersion", "kind", "metadata", "spec")),
            Map.entry("spec", Set.of("cluster", "ensure", "name", "owner", "template", "encoding", "locale",
                    "localeProvider", "lcCollate", "lcCtype", "icuLocale", "icuRules", "builtinLocale",
                    "collationVersion", "isTemplate", "allowConnections", "connectionLimit", "tablespace",
                    "databaseReclaimPolicy", "schemas", "extensions", "fdws", "servers")),
            Map.entry("spec.cluster", Set.of("name")));

    /** Fields whose values must be one of these. */
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "spec.primaryUpdateStrategy", Set.of("unsupervised", "supervised"),
            "spec.managed.roles[].ensure", Set.of("present", "absent"),
            "spec.ensure", Set.of("present", "absent"),
            "spec.databaseReclaimPolicy", Set.of("retain", "delete"));

    private CnpgSchema() {
    }

    static List<String> check(JsonNode resource) {
        String kind = resource.path("kind").asText();
        Map<String, Set<String>> schema = switch (kind) {
            case "Cluster" -> CLUSTER;
            case "Database" -> DATABASE;
            default -> null;
        };
        if (schema == null || !resource.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")) {
            return List.of(ApiModels.type(resource) + " is not a CloudNativePG resource this test knows");
        }
        List<String> problems = new ArrayList<>();
        walk(resource, "", schema, problems, kind);
        if (kind.equals("Cluster") && !resource.path("spec").path("instances").isInt()) {
            problems.add("Cluster spec.instances must be an integer");
        }
        if (kind.equals("Database") && (!resource.path("spec").path("name").isTextual()
                || !resource.path("spec").path("owner").isTextual()
                || !resource.path("spec").path("cluster").path("name").isTextual())) {
            problems.add("Database needs spec.name, spec.owner and spec.cluster.name");
        }
        return problems;
    }

    private static void walk(JsonNode node, String path, Map<String, Set<String>> schema, List<String> problems,
                             String kind) {
        String enumKey = path;
        if (ENUMS.containsKey(enumKey) && !ENUMS.get(enumKey).contains(node.asText())) {
            problems.add(kind + " " + path + ": " + node.asText() + " is not one of " + ENUMS.get(enumKey));
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, path + "[]", schema, problems, kind);
            }
            return;
        }
        Set<String> allowed = schema.get(path);
        if (!node.isObject() || allowed == null || path.equals("metadata")) {
            return;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                problems.add(kind + " " + (path.isEmpty() ? "" : path + ".") + field + " is not a field of its API");
            } else {
                walk(node.get(field), path.isEmpty() ? field : path + "." + field, schema, problems, kind);
            }
        });
    }
}
