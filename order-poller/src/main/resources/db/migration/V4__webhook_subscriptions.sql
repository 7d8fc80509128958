-- Cart.com webhooks (issue 18): one row per store the poller has subscribed, or is subscribing or unsubscribing.
-- The receiver finds a store by the SHA-256 of the secret in the URL; the secret itself is sealed like a token
-- (it rebuilds the URL to find our subscription at Cart.com).
CREATE TABLE webhook_subscription (
    store_id         BIGINT PRIMARY KEY,
    secret_hash      TEXT        NOT NULL UNIQUE,
    sealed_secret    TEXT        NOT NULL,
    secret_key_id    TEXT        NOT NULL,
    -- true: the store should be subscribed (connected, enabled, a public base URL configured); false: unsubscribe.
    wanted           BOOLEAN     NOT NULL,
    -- pending, active, not_allowed (the token may not manage webhooks), failing, removed
    state            TEXT        NOT NULL,
    detail           TEXT,
    attempts         INT         NOT NULL DEFAULT 0,
    -- When the job next talks to Cart.com about this store; null: nothing to do until a snapshot changes something.
    next_attempt_at  TIMESTAMPTZ,
    lease_owner      TEXT,
    lease_until      TIMESTAMPTZ,
    -- The credentials to do it with, kept sealed: after a disconnect the snapshot has none, and the subscription
    -- must still be removed with the token that made it.
    domain           TEXT,
    sealed_token     TEXT,
    token_key_id     TEXT,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- An early poll asked for (a webhook): a poll that was running when it came is followed by another one.
ALTER TABLE poll_schedule ADD COLUMN poll_requested_at TIMESTAMPTZ;
