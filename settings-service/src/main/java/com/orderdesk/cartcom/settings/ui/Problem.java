package com.orderdesk.cartcom.settings.ui;

import com.orderdesk.cartcom.kit.rest.ApiException;
import io.quarkus.qute.TemplateData;
import java.util.Map;

/**
 * What the page shows for a refused request: the API's own error (code, message, fields, so the page and the API
 * never disagree) and, for a Cart.com connection problem, what it means and what to do in plain words.
 */
@TemplateData
public record Problem(String code, String message, Map<String, String> fields, String meaning, String whatToDo) {

    public static Problem of(ApiException e) {
        ConnectionAdvice.Advice advice = ConnectionAdvice.of(e.code());
        return new Problem(e.code(), e.getMessage(), e.fields(), advice == null ? null : advice.meaning(),
                advice == null ? null : advice.whatToDo());
    }

    /** The message for one field (named as in the API's JSON), or null. */
    public String field(String name) {
        return fields.get(name);
    }

    public boolean hasField(String name) {
        return fields.containsKey(name);
    }
}
