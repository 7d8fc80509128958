package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.kit.rest.FieldNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings rules for a caller that is not the REST resource (the merchant's page): the same field constraints of
 * {@link SettingsInput} and the same {@link SettingsRules}, broken ones answered as the API answers them, 422
 * {@code invalid_settings} with {@code fields} named as in the API's JSON. The resource keeps Bean Validation on its
 * method, which reaches these two through the same annotations.
 */
@ApplicationScoped
public class SettingsCheck {
    public static final String CODE = "invalid_settings";
    public static final String MESSAGE = "Some settings are not valid";

    private final Validator validator;
    private final SettingsRules rules;
    private final FieldNames fieldNames;

    SettingsCheck(Validator validator, SettingsRules rules, FieldNames fieldNames) {
        this.validator = validator;
        this.rules = rules;
        this.fieldNames = fieldNames;
    }

    /** @throws ApiException 422 invalid_settings naming every broken field; 409 not_connected; 502 Cart.com failed */
    public void require(long storeId, SettingsInput input) {
        Map<String, String> fields = new TreeMap<>();
        for (ConstraintViolation<SettingsInput> violation : validator.validate(input)) {
            fields.putIfAbsent(fieldNames.of(violation.getPropertyPath()), violation.getMessage());
        }
        rules.broken(storeId, input)
                .forEach((property, message) -> fields.putIfAbsent(fieldNames.json(property), message));
        if (!fields.isEmpty()) {
            throw new ApiException(422, CODE, MESSAGE, fields);
        }
    }
}
