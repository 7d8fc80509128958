package com.orderdesk.cartcom.poller.client;

import java.util.List;

/** One page of orders, enriched, and the absolute URL of the next page (null on the last). */
public record OrderPage(List<FetchedOrder> orders, String nextPage) {
}
