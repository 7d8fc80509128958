package com.orderdesk.cartcom.sandbox.api.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The filter of one query parameter, e.g. updated_at=gt:2014-01-01T00:00:00Z AND lte:2014-02-01T00:00:00Z.
 * AND binds tighter than OR ("standard order of operations"), so the terms form OR-ed groups of AND-ed
 * conditions. A leading "OR " joins this field to the others with OR instead of the default AND.
 */
public record FieldFilter(String field, boolean orWithOtherFields, List<List<Condition>> alternatives) {

    private static final Pattern OR = Pattern.compile("\\s+OR\\s+");
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+");

    public static FieldFilter parse(String field, String rawValue) {
        String value = rawValue;
        boolean orWithOthers = false;
        if (value.startsWith("OR ")) {
            orWithOthers = true;
            value = value.substring(3);
        }
        List<List<Condition>> alternatives = new ArrayList<>();
        for (String group : OR.split(value, -1)) {
            List<Condition> conditions = new ArrayList<>();
            for (String term : AND.split(group, -1)) {
                conditions.add(Condition.parse(term));
            }
            alternatives.add(conditions);
        }
        return new FieldFilter(field, orWithOthers, alternatives);
    }
}
