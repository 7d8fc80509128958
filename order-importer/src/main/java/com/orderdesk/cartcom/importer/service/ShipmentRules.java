package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.importer.entity.ImportedOrder;
import com.orderdesk.cartcom.importer.entity.OrderItem;
import com.orderdesk.cartcom.importer.rest.ShipmentInput;
import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.kit.rest.StoredDataRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraintvalidation.SupportedValidationTarget;
import jakarta.validation.constraintvalidation.ValidationTarget;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The shipment rules that need the order: each item sent must be one of its items, in at most its ordered quantity.
 * Checked with the field constraints of {@link ShipmentInput} as the cross-parameter constraint {@link Checked} of
 * {@code (storeId, orderId, shipment, ...)}, so one answer names every wrong field. An order that is not in the store
 * is refused first (404 order_not_found, an ApiException thrown here, which the kit's ErrorMappers answer as such).
 */
@ApplicationScoped
@SupportedValidationTarget(ValidationTarget.PARAMETERS)
public class ShipmentRules extends StoredDataRules<ShipmentRules.Checked> {

    /** On a resource method whose parameters begin with {@code (long storeId, long orderId, ShipmentInput shipment)}. */
    @Constraint(validatedBy = ShipmentRules.class)
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Checked {
        String message() default "the shipment does not fit the order";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    @Override
    protected int bodyParameter() {
        return 2;
    }

    public static ApiException orderNotFound(long orderId) {
        return ApiException.notFound("order_not_found", "no order " + orderId + " in this store");
    }

    @Override
    protected Map<String, String> broken(Object[] parameters) {
        long storeId = (Long) parameters[0];
        long orderId = (Long) parameters[1];
        if (ImportedOrder.findInStore(storeId, orderId) == null) {
            throw orderNotFound(orderId);
        }
        return parameters[2] instanceof ShipmentInput shipment
                ? broken(orderId, shipment.items())
                // No body at all: the fields it must have are missing.
                : Map.of("tracking_number", ShipmentInput.REQUIRED, "carrier_code", ShipmentInput.REQUIRED);
    }

    /** Field as the client names it ({@code items[i].quantity}) to message; empty when every item fits the order. */
    private static Map<String, String> broken(long orderId, List<ShipmentInput.Item> requested) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (requested == null) {
            return errors;
        }
        Map<Long, OrderItem> items = OrderItem.ofOrder(orderId).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Set<Long> sent = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ShipmentInput.Item item = requested.get(i);
            String prefix = "items[" + i + "].";
            OrderItem line = item == null || item.orderItemId() == null ? null : items.get(item.orderItemId());
            if (line == null) {
                errors.put(prefix + "order_item_id", item == null || item.orderItemId() == null
                        ? ShipmentInput.REQUIRED : "is not an item of this order");
            } else if (!sent.add(line.id)) {
                // Each line once: repeated, its quantities would add up past the ordered quantity unchecked.
                errors.put(prefix + "order_item_id", "appears twice in items");
            } else if (item.quantity() == null || item.quantity() < 1) {
                errors.put(prefix + "quantity", "must be at least 1");
            } else if (item.quantity() > line.quantity) {
                errors.put(prefix + "quantity", "must not exceed the ordered quantity " + line.quantity);
            }
        }
        return errors;
    }
}
