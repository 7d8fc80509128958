package com.orderdesk.cartcom.settings.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.ZoneId;

/** An IANA time zone such as America/Chicago (or an offset Java knows); absent or blank takes the default. */
@Constraint(validatedBy = TimeZoneId.Known.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneId {
    String message() default "unknown time zone";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Known implements ConstraintValidator<TimeZoneId, String> {
        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            try {
                return zone == null || zone.isBlank() || ZoneId.of(zone.trim()) != null;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
