package com.orderdesk.cartcom.sandbox.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns raw records into Cart.com JSON: datetimes in the store's offset, and only the asked-for fields. */
public final class ResourceJson {

    private ResourceJson() {
    }

    public static Map<String, Object> render(Map<String, Object> raw, ZoneId zone, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (fields.isEmpty() || fields.contains(key)) {
                out.put(key, renderValue(value, zone));
            }
        });
        return out;
    }

    public static Map<String, Object> render(Map<String, Object> raw, ZoneId zone) {
        return render(raw, zone, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Object renderValue(Object value, ZoneId zone) {
        if (value instanceof Instant instant) {
            return CartcomDates.format(instant, zone);
        }
        if (value instanceof Map<?, ?> map) {
            return render((Map<String, Object>) map, zone);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(renderValue(v, zone)));
            return out;
        }
        return value;
    }
}
