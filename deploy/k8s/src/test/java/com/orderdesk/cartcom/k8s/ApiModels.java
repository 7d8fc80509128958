package com.orderdesk.cartcom.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rendered resource with the API model of its kind, strictly. Fabric8's and Strimzi's model classes keep any
 * field they do not know in an {@code additionalProperties} map instead of failing (Jackson's
 * FAIL_ON_UNKNOWN_PROPERTIES never fires on them), so after reading, every object of the model is walked and a
 * non-empty {@code additionalProperties} anywhere is an unknown field. CloudNativePG publishes no Java model: its
 * resources are checked against the fields its API reference defines ({@link CnpgSchema}).
 */
final class ApiModels {
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    private ApiModels() {
    }

    static String type(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }

    /** The problems of one resource: none if its model reads it and finds no field it does not define. */
    static List<String> check(JsonNode resource) {
        String type = type(resource);
        if (type.startsWith("postgresql.cnpg.io/")) {
            return CnpgSchema.check(resource);
        }
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of(type + " has no API model in this test: add one");
        }
        Object read;
        try {
            read = STRICT.treeToValue(resource, model);
        } catch (Exception e) {
            return List.of(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        List<String> unknown = new ArrayList<>();
        walk(read, model.getSimpleName(), unknown, new IdentityHashMap<>());
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                walk(o, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || f.getType().isEnum()) {
                    continue;
                }
                Object fieldValue;
                try {
                    f.setAccessible(true);
                    fieldValue = f.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (f.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    if (!extra.isEmpty()) {
                        unknown.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else {
                    walk(fieldValue, path + "." + f.getName(), unknown, seen);
                }
            }
        }
    }

}
