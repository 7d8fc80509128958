package com.orderdesk.cartcom.sandbox.api;

/** What a route answers before the pipeline adds headers, faults and logging. */
public record CartcomReply(int status, Object body) {

    public static CartcomReply ok(Object body) {
        return new CartcomReply(200, body);
    }

    public static CartcomReply created(Object body) {
        return new CartcomReply(201, body);
    }
}
