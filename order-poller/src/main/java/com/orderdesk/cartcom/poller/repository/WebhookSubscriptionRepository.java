package com.orderdesk.cartcom.poller.repository;

import com.orderdesk.cartcom.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The webhook_subscription table: which stores should be subscribed to Cart.com's webhooks, which secret their URL
 * carries, and the job's progress. Claimed with leases like poll_schedule, so several instances share the work.
 */
@ApplicationScoped
public class WebhookSubscriptionRepository {
    private static final String COLUMNS = "store_id, sealed_secret, secret_key_id, wanted, state, attempts, domain, "
            + "sealed_token, token_key_id";

    private final Sql sql;

    public WebhookSubscriptionRepository(Sql sql) {
        this.sql = sql;
    }

    /** The store whose subscription URL carries the secret with this hash, while it should be subscribed. */
    public Optional<Long> storeOfSecret(String secretHash) {
        return sql.queryFirst("SELECT store_id FROM webhook_subscription WHERE secret_hash = ? AND wanted",
                rs -> rs.getLong(1), secretHash);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<WebhookSubscription> find(long storeId) {
        return sql.queryFirst("SELECT " + COLUMNS + " FROM webhook_subscription WHERE store_id = ?",
                WebhookSubscriptionRepository::row, storeId);
    }

    /** A store seen for the first time that should be subscribed: due at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertWanted(long storeId, String secretHash, String sealedSecret, String secretKeyId, String domain,
                             String sealedToken, String tokenKeyId) {
        sql.update("""
                INSERT INTO webhook_subscription (store_id, secret_hash, sealed_secret, secret_key_id, wanted, state,
                    next_attempt_at, domain, sealed_token, token_key_id)
                VALUES (?, ?, ?, ?, TRUE, 'pending', now(), ?, ?, ?)""",
                storeId, secretHash, sealedSecret, secretKeyId, domain, sealedToken, tokenKeyId);
    }

    /**
     * The store should be subscribed with these credentials; {@code redo}: talk to Cart.com again at once (it was not
     * wanted before, or the credentials changed, which may grant the scope a refusal lacked).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void want(long storeId, String domain, String sealedToken, String tokenKeyId, boolean redo) {
        sql.update("""
                UPDATE webhook_subscription SET wanted = TRUE, domain = ?, sealed_token = ?, token_key_id = ?,
                    state = CASE WHEN ? THEN 'pending' ELSE state END,
                    attempts = CASE WHEN ? THEN 0 ELSE attempts END,
                    next_attempt_at = CASE WHEN ? THEN now() ELSE next_attempt_at END, updated_at = now()
                WHERE store_id = ?""",
                domain, sealedToken, tokenKeyId, redo, redo, redo, storeId);
    }

    /** The store should no longer be subscribed: removed at Cart.com at once, with the credentials kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unwant(long storeId) {
        sql.update("""
                UPDATE webhook_subscription SET wanted = FALSE, attempts = 0, next_attempt_at = now(), updated_at = now()
                WHERE store_id = ? AND (wanted OR state <> 'removed')""", storeId);
    }

    /** Claims up to {@code limit} due rows for {@code lease}. */
    public List<WebhookSubscription> claimDue(String owner, Duration lease, int limit) {
        return sql.query("""
                UPDATE webhook_subscription SET lease_owner = ?, lease_until = now() + ?::interval
                WHERE store_id IN (
                    SELECT store_id FROM webhook_subscription
                    WHERE next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING\s""" + COLUMNS,
                WebhookSubscriptionRepository::row, owner, lease, limit);
    }

    /**
     * Records where the claimed row stands and when to look again ({@code next} null: not until a snapshot changes
     * something); false if the lease was lost, or a snapshot changed what is wanted meanwhile (the row is then due
     * again and this outcome is stale).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean settle(long storeId, String owner, boolean wanted, String state, String detail, int attempts,
                          Duration next) {
        return sql.update("""
                UPDATE webhook_subscription SET state = ?, detail = ?, attempts = ?,
                    next_attempt_at = CASE WHEN ? THEN now() + ?::interval END,
                    lease_owner = NULL, lease_until = NULL, updated_at = now()
                WHERE store_id = ? AND lease_owner = ? AND wanted = ?""",
                state, detail == null ? "" : detail, attempts, next != null, next == null ? Duration.ZERO : next,
                storeId, owner, wanted) == 1;
    }

    /** Gives a claimed row back unchanged (a snapshot changed it meanwhile). */
    public void release(long storeId, String owner) {
        sql.update("UPDATE webhook_subscription SET lease_owner = NULL, lease_until = NULL WHERE store_id = ? AND lease_owner = ?",
                storeId, owner);
    }

    /** The state as the job last recorded it, for tests and diagnostics. */
    public Optional<String> state(long storeId) {
        return sql.queryFirst("SELECT state FROM webhook_subscription WHERE store_id = ?", rs -> rs.getString(1), storeId);
    }

    private static WebhookSubscription row(ResultSet rs) throws SQLException {
        return new WebhookSubscription(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
