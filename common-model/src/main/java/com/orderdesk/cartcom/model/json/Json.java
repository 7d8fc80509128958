package com.orderdesk.cartcom.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON setup shared by events and the Cart.com client: ISO-8601 instants, unknown fields ignored
 * (contracts only ever add fields), BigDecimal for floating numbers so money never passes through a double.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the shared settings to a mapper owned by someone else (for example Quarkus' own). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private Json() {
    }
}
