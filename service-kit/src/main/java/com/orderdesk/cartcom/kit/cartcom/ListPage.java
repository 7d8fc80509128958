package com.orderdesk.cartcom.kit.cartcom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** One page of a Cart.com list: {@code {total_count, next_page?, previous_page?, <key>: [...]}}. */
public record ListPage(long totalCount, String nextPage, String previousPage, List<ObjectNode> items) {
    public static final ListPage EMPTY = new ListPage(0, null, null, List.of());

    public Optional<String> next() {
        return Optional.ofNullable(nextPage);
    }
}
