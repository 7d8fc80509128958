package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.store.StoreData;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of record as the API serves it: its list key, its name in "... was not found", where the store
 * keeps it, the fields that filters and sorts see, and the JSON one record shows.
 *
 * @param fields the record's own fields; what ?field= filters and ?sort= apply to (never the expanded view)
 * @param view   made once per call (it reads ?expand=), then applied to each record shown
 */
record RecordTable<T>(String listKey, String name, Function<StoreData, Map<Long, T>> records,
                      Function<T, Map<String, Object>> fields,
                      BiFunction<CartcomCall, StoreData, Function<T, Map<String, Object>>> view) {

    /** Records kept as plain field maps and shown as they are (customers, addresses, statuses). */
    static RecordTable<Map<String, Object>> plain(String listKey, String name,
                                                  Function<StoreData, Map<Long, Map<String, Object>>> records) {
        return new RecordTable<>(listKey, name, records, Function.identity(), (call, data) -> Function.identity());
    }

    /** GET /{resource}: filter and sort the records' own fields, then show each record of the page. */
    CartcomReply list(CartcomCall call, StoreData data) {
        Function<T, Map<String, Object>> show = view.apply(call, data);
        Map<Long, T> table = records.apply(data);
        List<Map<String, Object>> rows = table.values().stream().map(fields).toList();
        return RecordListings.list(call, rows, listKey,
                row -> show.apply(table.get(((Number) row.get("id")).longValue())));
    }

    /** GET /{resource}/{id}. */
    CartcomReply one(CartcomCall call, StoreData data, String idText) {
        T record = byId(data, idText);
        return show(call, data, record);
    }

    /** The answer of a route that returns one record, such as a write. */
    CartcomReply show(CartcomCall call, StoreData data, T record) {
        return RecordListings.one(call, view.apply(call, data).apply(record));
    }

    T byId(StoreData data, String idText) {
        return RecordListings.byId(records.apply(data), idText, name);
    }
}
