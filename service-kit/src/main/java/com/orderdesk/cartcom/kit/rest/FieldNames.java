package com.orderdesk.cartcom.kit.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * How an error's {@code fields} name what the client sent: a Java property as the service's JSON spells it
 * ({@code afterImportStatusId} -> {@code after_import_status_id}). One rule for the exception mappers and for any
 * caller that checks input outside a resource method (settings-service's page).
 */
@ApplicationScoped
public class FieldNames {
    private final PropertyNamingStrategy naming;

    FieldNames(ObjectMapper json) {
        this.naming = json.getPropertyNamingStrategy();
    }

    /** The last property or parameter of a violation's path: an element of a list reports as its list. */
    public String of(Path path) {
        String field = "";
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                field = node.getName();
            }
        }
        return json(field);
    }

    /** A Java property name as the JSON spells it. */
    public String json(String property) {
        return naming instanceof PropertyNamingStrategies.NamingBase base ? base.translate(property) : property;
    }
}
