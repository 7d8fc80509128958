package com.orderdesk.cartcom.sandbox.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The event types webhooks.md documents; a subscription names one of them. */
public final class WebhookEventTypes {

    public static final String NEW_ORDER = "NewOrder";
    public static final String NEW_VALID_ORDER = "NewValidOrder";
    public static final String ORDER_STATUS_CHANGED = "OrderStatusChanged";

    private static final List<String> DOCUMENTED = List.of("AuthorizingPayment", "CapturingPayment",
            "CustomerCreated", "CustomerEmailUpdated", "CustomerUpdated", "CustomerRegistered", "GetDiscount",
            "GetPrice", "GetProductStatus", "GetTax", NEW_ORDER, "NewQuote", NEW_VALID_ORDER, "OrderApproved",
            "OrderCanceled", "OrderDeclined", "OrderPlaced", "OrderShipped", ORDER_STATUS_CHANGED, "OrderUpdated",
            "PaymentProcessed", "ProductCreated", "ProductStatusChanged", "ProductUpdated", "QuoteStatusChanged",
            "QuoteUpdated", "ValidateCart", "ValidateCheckout", "ValidateCustomer", "ValidateProduct");

    private WebhookEventTypes() {
    }

    /** The documented spelling of a type, whatever its case; empty when the type is not documented. */
    public static Optional<String> canonical(String name) {
        return DOCUMENTED.stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
