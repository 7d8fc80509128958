package com.orderdesk.cartcom.e2e.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** Request bodies as bytes: JSON exactly as given (nulls kept, names as written), or text. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Bodies() {
    }
}
