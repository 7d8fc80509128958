package com.orderdesk.cartcom.sandbox.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Body of POST /_sandbox/stores/{domain}/orders: every field optional; what is missing is drawn at random
 * (deterministically with seed).
 */
public record OrderRequest(Long orderStatusId, String orderedAt, Long seed, Customer customer, List<Item> items,
                           String giftMessage, String specialInstructions, Map<String, String> customFields,
                           String shippingMethod, BigDecimal shippingTotal) {

    /** The buyer; shipping and billing addresses use this name. */
    public record Customer(String firstName, String lastName, String email, String phone, String company) {
    }

    /** One line; variant (e.g. "Color: Blue") adds a variant and a variant_inventory_id. */
    public record Item(Long productId, String itemNumber, String itemName, BigDecimal price, Integer quantity,
                       BigDecimal weight, String variant, String personalization) {
    }
}
