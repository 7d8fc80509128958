-- Each Cart.com store's one call budget (issue 20), shared by every service and instance: order-poller keeps it here
-- and serves it to the others (/internal/call-budget). One row per store domain called (Cart.com counts per store);
-- the state is the kit's CallWindow (window start, limit, slots used by kind, which kinds have work, a 429's wait) as
-- one line of numbers, changed under the row's lock with the database's clock, so every instance counts the same
-- window. Rows idle for a day are removed (a merchant may try many domains in connection checks).
CREATE TABLE call_budget (
    domain      TEXT PRIMARY KEY,
    state       TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX call_budget_updated_at ON call_budget (updated_at);
