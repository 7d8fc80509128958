package com.orderdesk.cartcom.settings.rest.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calls on one store: {@code ORDERDESK-STORE-ID} and {@code ORDERDESK-API-KEY} must name a store and its key, and
 * that store must be the one of the path parameter {@value #PATH_PARAM}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StoreScoped {
    String PATH_PARAM = "storeId";
}
