package com.orderdesk.cartcom.sandbox.control;

/** The control API's error body: {"error": "not_found", "message": "..."}. */
public record ControlError(String error, String message) {
}
