package com.orderdesk.cartcom.sandbox.control;

import java.util.List;

/** Body of PUT /_sandbox/stores/{domain}/list-hook. */
public record ListHookRequest(Integer afterListCalls, List<Long> orderIds, Long orderStatusId) {
}
