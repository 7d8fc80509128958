package com.orderdesk.cartcom.sandbox.fault;

/**
 * Shares (0..1) of Cart.com calls that misbehave, drawn in this order from one random number:
 * 500, simulated 429, hang then answer, malformed body. latencyMs is added to every call.
 */
public record FaultSettings(long latencyMs, double errorRate, double rateLimitedRate, double timeoutRate,
                            long timeoutMs, double malformedRate, Long seed) {

    public static FaultSettings none(long defaultTimeoutMs) {
        return new FaultSettings(0, 0, 0, 0, defaultTimeoutMs, 0, null);
    }

    public FaultSettings {
        if (latencyMs < 0 || timeoutMs < 0) {
            throw new IllegalArgumentException("latency_ms and timeout_ms must not be negative");
        }
        for (double rate : new double[] {errorRate, rateLimitedRate, timeoutRate, malformedRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rates are shares between 0 and 1");
            }
        }
        if (errorRate + rateLimitedRate + timeoutRate + malformedRate > 1.0000001) {
            throw new IllegalArgumentException("the rates add up to more than 1");
        }
    }
}
