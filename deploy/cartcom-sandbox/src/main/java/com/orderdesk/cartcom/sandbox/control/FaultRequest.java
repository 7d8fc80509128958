package com.orderdesk.cartcom.sandbox.control;

/** Body of PUT /_sandbox/stores/{domain}/faults; missing rates are 0, a missing timeout_ms the configured one. */
public record FaultRequest(Long latencyMs, Double errorRate, Double rateLimitedRate, Double timeoutRate, Long timeoutMs,
                           Double malformedRate, Long seed) {
}
