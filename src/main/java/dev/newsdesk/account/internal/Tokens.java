package dev.newsdesk.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links: e-mail verification, password reset and the first-admin setup. A token is 256 random
 * bits that only the recipient sees; the database keeps its SHA-256 hash, so a leaked table opens
 * nothing. A token works once, before it expires, and only for its purpose.
 */
@Repository
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Tokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a link is for. */
    public enum Purpose { VERIFY, RESET, SETUP }

    /** A used token: whose it was and, for verification, the address it confirms. */
    public record Redeemed(Long memberId, String email) {
    }

    /** Issues a token and answers it in clear, to be put in a link; it is not kept. */
    public String issue(Purpose purpose, Long memberId, String email, Instant now, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO account_token (token_hash, purpose, member_id, email, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(hash(token), purpose.name(), memberId, email, Accounts.utc(now), Accounts.utc(now.plus(validity)))
                .update();
        return token;
    }

    /** Uses up a token of {@code purpose}; empty when it is unknown, of another purpose, used or expired. */
    public Optional<Redeemed> redeem(String token, Purpose purpose, Instant now) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        int used = jdbc.sql("""
                        UPDATE account_token SET used_at = ?
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(Accounts.utc(now), hash, purpose.name(), Accounts.utc(now))
                .update();
        if (used == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT member_id, email FROM account_token WHERE token_hash = ?")
                .param(hash)
                .query((rs, row) -> new Redeemed(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** Whether a token would be accepted now, without using it up (to show a form before it is submitted). */
    public boolean isValid(String token, Purpose purpose, Instant now) {
        return token != null && token.length() <= 100 && jdbc.sql("""
                        SELECT count(*) FROM account_token
                        WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(hash(token), purpose.name(), Accounts.utc(now))
                .query(Long.class).single() > 0;
    }

    /** Makes the member's open tokens of {@code purpose} unusable (a newer one was sent, or the password changed). */
    public void revoke(long memberId, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE member_id = ? AND purpose = ? AND used_at IS NULL")
                .params(Accounts.utc(now), memberId, purpose.name()).update();
    }

    /** Makes every open link of the member unusable: reset and verification (an address change among them). */
    public void revokeAllOf(long memberId, Instant now) {
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE member_id = ? AND used_at IS NULL")
                .params(Accounts.utc(now), memberId).update();
    }

    public void revokeAll(Purpose purpose, Instant now) {
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE purpose = ? AND used_at IS NULL")
                .params(Accounts.utc(now), purpose.name()).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
