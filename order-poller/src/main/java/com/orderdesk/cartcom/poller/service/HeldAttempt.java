package com.orderdesk.cartcom.poller.service;

import java.time.Duration;

/**
 * An attempt that found an order still not whole: what was missing, how many attempts it has had, when to try again,
 * and whether this is the attempt at which the merchant is told ({@code poller.held-order-report-after}).
 */
record HeldAttempt(long orderId, String missing, int attempts, Duration retryIn, boolean report) {
}
