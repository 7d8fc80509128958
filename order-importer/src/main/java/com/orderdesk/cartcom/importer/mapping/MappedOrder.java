package com.orderdesk.cartcom.importer.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An Order Desk order built from one Cart.com order, before it has an id. Field names follow Order Desk's API. */
public record MappedOrder(
        long cartOrderId,
        String sourceId,
        String sourceName,
        long folderId,
        String email,
        String shippingMethod,
        int quantityTotal,
        BigDecimal weightTotal,
        BigDecimal productTotal,
        BigDecimal shippingTotal,
        BigDecimal handlingTotal,
        BigDecimal taxTotal,
        BigDecimal discountTotal,
        BigDecimal orderTotal,
        String paymentType,
        String paymentStatus,
        Instant dateAdded,
        Map<String, String> shipping,
        Map<String, String> customer,
        List<Item> items,
        List<Map<String, String>> orderNotes,
        Map<String, String> checkoutData,
        Map<String, Object> orderMetadata) {

    public record Item(
            long cartItemId,
            String name,
            String code,
            BigDecimal price,
            int quantity,
            BigDecimal weight,
            Map<String, String> variationList,
            Map<String, Object> metadata) {
    }
}
