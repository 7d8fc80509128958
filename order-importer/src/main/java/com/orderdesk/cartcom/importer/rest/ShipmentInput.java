package com.orderdesk.cartcom.importer.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Body of POST .../shipments as sent; {@link com.orderdesk.cartcom.importer.service.ShipmentService} validates it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShipmentInput(String trackingNumber, String carrierCode, String shipmentMethod, String trackingUrl,
                            String dateShipped, List<Item> items) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(Long orderItemId, Integer quantity) {
    }
}
