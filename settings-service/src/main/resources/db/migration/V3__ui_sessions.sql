-- The merchant's page (/ui/): one row per signed-in browser. The cookie holds a random session id; only its SHA-256
-- is kept here, so a copy of this table opens no session. A deleted store takes its sessions with it.
CREATE TABLE ui_session (
    id_hash    TEXT PRIMARY KEY,
    store_id   BIGINT      NOT NULL REFERENCES store (id) ON DELETE CASCADE,
    -- Sent back in every form of the page and compared on every POST (CSRF).
    csrf_token TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ui_session_expires ON ui_session (expires_at);
CREATE INDEX ui_session_store ON ui_session (store_id);
