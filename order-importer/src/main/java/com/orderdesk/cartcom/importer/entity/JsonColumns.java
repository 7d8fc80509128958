package com.orderdesk.cartcom.importer.entity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.orderdesk.cartcom.model.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nested Order Desk objects are stored as JSON text: read whole, never queried by field. */
public final class JsonColumns {
    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON column", e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public static List<Map<String, Object>> readList(String json) {
        return read(json, new TypeReference<List<Map<String, Object>>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON column is unreadable", e);
        }
    }
}
