package com.orderdesk.cartcom.kit.auth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calls on one store: the caller's identity must be the key holder of the store in the path parameter
 * {@value #PATH_PARAM} (no identity: 401; another store's key: 403). Checked by {@link StoreScopeFilter}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StoreScoped {
    String PATH_PARAM = "storeId";
}
