package com.orderdesk.cartcom.kit.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error code and message a resource method answers (422) when its Bean Validation constraints fail; each failed
 * field is named in {@code error.fields} with its constraint's message. Without it: {@code invalid_request}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface InvalidInput {
    String code();

    String message() default "invalid input";
}
