package com.orderdesk.cartcom.importer.rest;

import com.orderdesk.cartcom.kit.cartcom.CartcomDates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Body of POST .../shipments, its text trimmed (blank = absent). The rules on single fields are its constraints; the
 * items are checked against the order by {@link com.orderdesk.cartcom.importer.service.ShipmentRules}.
 */
public record ShipmentInput(
        @NotNull(message = REQUIRED) @Size(max = 100, message = TOO_LONG) String trackingNumber,
        @NotNull(message = REQUIRED) @Size(max = 100, message = TOO_LONG) String carrierCode,
        @Size(max = 100, message = TOO_LONG) String shipmentMethod,
        @Size(max = 2000, message = TOO_LONG) @HttpUrl String trackingUrl,
        @DateOrDateTime String dateShipped,
        List<Item> items) {
    public static final String REQUIRED = "is required";
    static final String TOO_LONG = "must be at most {max} characters";

    public ShipmentInput {
        trackingNumber = trimmed(trackingNumber);
        carrierCode = trimmed(carrierCode);
        shipmentMethod = trimmed(shipmentMethod);
        trackingUrl = trimmed(trackingUrl);
        dateShipped = trimmed(dateShipped);
    }

    public record Item(Long orderItemId, Integer quantity) {
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An absolute http or https URL with a host. */
    @Constraint(validatedBy = HttpUrl.Check.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface HttpUrl {
        String message() default "must be an absolute http or https URL";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<HttpUrl, String> {
            @Override
            public boolean isValid(String url, ConstraintValidatorContext context) {
                try {
                    URI uri = url == null ? null : new URI(url);
                    return uri == null || uri.isAbsolute() && uri.getHost() != null
                            && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
                } catch (URISyntaxException e) {
                    return false;
                }
            }
        }
    }

    /** An ISO-8601 date or date-time as Cart.com writes them (without an offset: UTC). */
    @Constraint(validatedBy = DateOrDateTime.Check.class)
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface DateOrDateTime {
        String message() default "must be an ISO-8601 date or date-time";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<DateOrDateTime, String> {
            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || CartcomDates.instantOrNull(value, ZoneOffset.UTC) != null;
            }
        }
    }
}
