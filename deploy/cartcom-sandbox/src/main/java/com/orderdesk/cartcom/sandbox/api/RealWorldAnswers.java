package com.orderdesk.cartcom.sandbox.api;

import com.orderdesk.cartcom.sandbox.api.query.ListRequest;
import com.orderdesk.cartcom.sandbox.seed.RealWorldShape;
import com.orderdesk.cartcom.sandbox.store.StoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real-world shapes that bend list answers rather than orders (issue 16): a capped {@code count}, the
 * {@code order_addresses} list key, and a {@code select_many} that answers one page of ids and misses some.
 */
final class RealWorldAnswers {

    private static final int TIMES_LEFT_OUT = 2;

    private RealWorldAnswers() {
    }

    /** The call's list request, its count cut to the store's cap ({@code count_cap}). */
    static ListRequest capped(CartcomCall call) {
        StoreSettings settings = call.store().settings();
        return settings.pageCap().isPresent() ? call.list().cappedAt(settings.pageCap().getAsInt()) : call.list();
    }

    /** {@code addresses} becomes {@code order_addresses} (acapi.yaml's name) with {@code order_addresses_key}. */
    static String listKey(CartcomCall call, String listKey) {
        return listKey.equals("addresses") && has(call, RealWorldShape.ORDER_ADDRESSES_KEY) ? "order_addresses" : listKey;
    }

    /**
     * The ids a {@code select_many} answers: with {@code select_many_gaps}, the first {@link RealWorldShape#SELECT_MANY_PAGE}
     * only (the rest are past its page), and every 3rd id left out the first two times it is asked for, so a client
     * that asks again at once still misses it and one that asks later finds it.
     */
    static List<Long> answeredIds(CartcomCall call, List<Long> asked, String listKey) {
        if (!has(call, RealWorldShape.SELECT_MANY_GAPS)) {
            return asked;
        }
        List<Long> answered = new ArrayList<>();
        for (long id : asked.subList(0, Math.min(asked.size(), RealWorldShape.SELECT_MANY_PAGE))) {
            if (id % 3 != 0 || call.store().data().timesLeftOut.merge(listKey + ":" + id, 1, Integer::sum) > TIMES_LEFT_OUT) {
                answered.add(id);
            }
        }
        return answered;
    }

    /** With {@code select_many_gaps}, an answer that holds none of the ids asked for is a 404, as live stores answer. */
    static void requireSome(CartcomCall call, List<Map<String, Object>> found, String listKey) {
        if (found.isEmpty() && has(call, RealWorldShape.SELECT_MANY_GAPS)) {
            throw CartcomException.notFound("No " + listKey + " were found for the ids given");
        }
    }

    private static boolean has(CartcomCall call, RealWorldShape shape) {
        return call.store().settings().realWorld().contains(shape);
    }
}
