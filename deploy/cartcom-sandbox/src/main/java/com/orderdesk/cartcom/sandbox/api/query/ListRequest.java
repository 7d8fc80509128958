package com.orderdesk.cartcom.sandbox.api.query;

import com.orderdesk.cartcom.sandbox.api.CartcomException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parameters of a list call, read from the raw query string: page, count, sort, expand, fields, ids,
 * and every other parameter as a field filter. Decoding is done here so that '+' becomes a space, as the
 * docs' "gt:5.00+AND+lte:25.00" needs.
 */
public record ListRequest(int page, int count, List<SortKey> sort, Set<String> expand, List<String> fields,
                          List<Long> ids, List<FieldFilter> filters) {

    public static final int DEFAULT_COUNT = 100;
    private static final Set<String> RESERVED = Set.of("page", "count", "sort", "expand", "fields", "ids",
            "total_count", "_");

    /** A field to sort on; "-field" or "field desc" sorts descending. */
    public record SortKey(String field, boolean descending) {
    }

    public static ListRequest parse(String rawQuery) {
        int page = 1;
        int count = DEFAULT_COUNT;
        List<SortKey> sort = new ArrayList<>();
        Set<String> expand = new LinkedHashSet<>();
        List<String> fields = new ArrayList<>();
        List<Long> ids = null;
        List<FieldFilter> filters = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (name) {
                    case "page" -> page = positiveInt(name, value);
                    case "count" -> count = positiveInt(name, value);
                    case "sort" -> sort.addAll(parseSort(value));
                    case "expand" -> expand.addAll(csv(value));
                    case "fields" -> fields.addAll(csv(value));
                    case "ids" -> ids = parseIds(value);
                    default -> {
                        if (!RESERVED.contains(name)) {
                            filters.add(FieldFilter.parse(name, value));
                        }
                    }
                }
            }
        }
        return new ListRequest(page, count, sort, expand, fields, ids, filters);
    }

    /** The same request with at most {@code cap} rows a page (a store that caps count). */
    public ListRequest cappedAt(int cap) {
        return count <= cap ? this : new ListRequest(page, cap, sort, expand, fields, ids, filters);
    }

    /** The nested collections to fill: expand plus nested names asked for in fields. */
    public Set<String> expansions(Set<String> nestedNames) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : expand) {
            if (nestedNames.contains(name)) {
                wanted.add(name);
            }
        }
        for (String name : fields) {
            if (nestedNames.contains(name)) {
                wanted.add(name);
            }
        }
        return wanted;
    }

    private static List<SortKey> parseSort(String value) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : csv(value)) {
            String[] words = part.trim().split("\\s+");
            String field = words[0];
            boolean desc = false;
            if (field.startsWith("-")) {
                desc = true;
                field = field.substring(1);
            } else if (field.startsWith("+")) {
                field = field.substring(1);
            }
            if (words.length > 1) {
                desc = words[1].equalsIgnoreCase("desc");
            }
            keys.add(new SortKey(field.toLowerCase(Locale.ROOT), desc));
        }
        return keys;
    }

    private static List<Long> parseIds(String value) {
        List<Long> ids = new ArrayList<>();
        for (String part : csv(value)) {
            try {
                ids.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw CartcomException.badRequest("'" + part + "' is not a resource ID");
            }
        }
        return ids;
    }

    private static List<String> csv(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        return parts;
    }

    private static int positiveInt(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (name.equals("count") && n < 1) {
                throw CartcomException.badRequest("count must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            throw CartcomException.badRequest("'" + value + "' is not a valid " + name);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw CartcomException.badRequest("malformed query string");
        }
    }
}
