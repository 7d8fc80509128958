package com.orderdesk.cartcom.model.cartcom;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One of a store's order statuses; per store and merchant-editable, so never hard-coded. */
public record OrderStatus(
        long id,
        String name,
        @JsonProperty("is_open") boolean isOpen,
        @JsonProperty("is_declined") boolean isDeclined,
        @JsonProperty("is_cancelled") boolean isCancelled,
        @JsonProperty("is_shipped") boolean isShipped,
        @JsonProperty("is_quote_status") boolean isQuoteStatus) {
}
