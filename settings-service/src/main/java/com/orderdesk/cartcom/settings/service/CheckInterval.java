package com.orderdesk.cartcom.settings.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** A check interval a merchant may choose, in minutes; absent (null) takes the default. */
@Constraint(validatedBy = CheckInterval.Offered.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CheckInterval {
    List<Integer> OFFERED = List.of(5, 10, 15, 30, 60, 120, 240, 720, 1440);

    String message() default "must be one of [5, 10, 15, 30, 60, 120, 240, 720, 1440]";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Offered implements ConstraintValidator<CheckInterval, Integer> {
        @Override
        public boolean isValid(Integer minutes, ConstraintValidatorContext context) {
            return minutes == null || OFFERED.contains(minutes);
        }
    }
}
