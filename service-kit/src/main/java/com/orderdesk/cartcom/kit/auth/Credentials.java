package com.orderdesk.cartcom.kit.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** What a request presented: the admin bearer token, or a store id and its API key (each as sent, maybe malformed). */
final class Credentials {
    private Credentials() {
    }

    static final class AdminToken extends BaseAuthenticationRequest {
        final String token;

        AdminToken(String token) {
            this.token = token;
        }
    }

    static final class StoreKey extends BaseAuthenticationRequest {
        final String storeId;
        final String apiKey;

        StoreKey(String storeId, String apiKey) {
            this.storeId = storeId;
            this.apiKey = apiKey;
        }
    }
}
