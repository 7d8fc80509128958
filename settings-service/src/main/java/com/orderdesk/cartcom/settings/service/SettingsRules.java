package com.orderdesk.cartcom.settings.service;

import com.orderdesk.cartcom.kit.rest.ApiException;
import com.orderdesk.cartcom.kit.rest.StoredDataRules;
import com.orderdesk.cartcom.model.cartcom.OrderStatus;
import com.orderdesk.cartcom.settings.entity.CartcomConnection;
import com.orderdesk.cartcom.settings.entity.Folder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraintvalidation.SupportedValidationTarget;
import jakarta.validation.constraintvalidation.ValidationTarget;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings rules of CONTRACTS.md that need more than one field: the folder must be the store's, the status ids
 * its Cart.com store's (the live statuses are only fetched when a status id needs checking), and the after-import
 * status not a download status. Checked with the field constraints of {@link SettingsInput} as the cross-parameter
 * constraint {@link Checked} of {@code (storeId, settings)}, so the merchant sees every problem together. A store that
 * is not connected is refused first (409 not_connected), a Cart.com failure answers 502: ApiExceptions thrown here,
 * which the kit's ErrorMappers answer as such.
 */
@ApplicationScoped
@SupportedValidationTarget(ValidationTarget.PARAMETERS)
public class SettingsRules extends StoredDataRules<SettingsRules.Checked> {

    /** On a resource method whose parameters are {@code (long storeId, SettingsInput settings)}. */
    @Constraint(validatedBy = SettingsRules.class)
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Checked {
        String message() default "the settings do not fit the store";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    private final OrderStatusCache statuses;

    SettingsRules(OrderStatusCache statuses) {
        this.statuses = statuses;
    }

    @Override
    protected int bodyParameter() {
        return 1;
    }

    @Override
    protected Map<String, String> broken(Object[] parameters) {
        // No body: the resource refuses it.
        return parameters[1] instanceof SettingsInput settings ? broken((Long) parameters[0], settings) : Map.of();
    }

    /** Java property name to message; empty when the settings fit the store. */
    Map<String, String> broken(long storeId, SettingsInput in) {
        CartcomConnection connection = CartcomConnection.findById(storeId);
        if (connection == null || !connection.usable()) {
            throw ApiException.notConnected();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.folderId() != null && Folder.ofStore(storeId).stream().noneMatch(f -> f.id.equals(in.folderId()))) {
            errors.put("folderId", "must be one of the store's folders");
        }
        List<Long> download = in.downloadStatusIds();
        boolean downloadToCheck = download != null && !download.isEmpty() && !download.contains(null);
        if (in.afterImportStatusId() != null && download != null && download.contains(in.afterImportStatusId())) {
            // The guide's rule: an imported order moved to a status that is downloaded again would never leave it,
            // and the merchant would see nothing new downloaded.
            errors.put("afterImportStatusId", "must not be one of the Download These Orders statuses, "
                    + "otherwise Order Desk will not be able to download any orders");
        }
        if (!downloadToCheck && in.afterImportStatusId() == null && in.afterShipmentStatusId() == null) {
            return errors;
        }
        Set<Long> known = statuses.statuses(storeId).stream().map(OrderStatus::id).collect(Collectors.toSet());
        if (downloadToCheck) {
            List<Long> unknown = download.stream().filter(id -> !known.contains(id)).distinct().toList();
            if (!unknown.isEmpty()) {
                errors.put("downloadStatusIds", "not statuses of this Cart.com store: " + unknown);
            }
        }
        if (in.afterImportStatusId() != null && !known.contains(in.afterImportStatusId())) {
            errors.putIfAbsent("afterImportStatusId", "not a status of this Cart.com store");
        }
        if (in.afterShipmentStatusId() != null && !known.contains(in.afterShipmentStatusId())) {
            errors.put("afterShipmentStatusId", "not a status of this Cart.com store");
        }
        return errors;
    }
}
