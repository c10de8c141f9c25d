package dev.newsdesk.account.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The remember-me series of members. A series is looked up by its id, which the cookie carries beside a token;
 * only the SHA-256 hash of the token is kept, and it changes on every use.
 */
@Repository
public class RememberMeTokens {

    private final JdbcClient jdbc;

    RememberMeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A series as stored: whose it is, the hash of its current token, and when the member typed their password. */
    public record Series(String series, long memberId, String tokenHash, Instant createdAt) {
    }

    public void start(String series, long memberId, String tokenHash, Instant now) {
        jdbc.sql("INSERT INTO remember_me (series, member_id, token_hash, created_at, last_used) VALUES (?, ?, ?, ?, ?)")
                .params(series, memberId, tokenHash, Accounts.utc(now), Accounts.utc(now))
                .update();
    }

    public Optional<Series> find(String series) {
        return jdbc.sql("SELECT series, member_id, token_hash, created_at FROM remember_me WHERE series = ?")
                .param(series)
                .query((rs, row) -> new Series(rs.getString(1), rs.getLong(2), rs.getString(3),
                        Accounts.instant(rs, "created_at")))
                .optional();
    }

    public void renew(String series, String tokenHash, Instant now) {
        jdbc.sql("UPDATE remember_me SET token_hash = ?, last_used = ? WHERE series = ?")
                .params(tokenHash, Accounts.utc(now), series)
                .update();
    }

    public void end(String series) {
        jdbc.sql("DELETE FROM remember_me WHERE series = ?").param(series).update();
    }

    public void endAll(long memberId) {
        jdbc.sql("DELETE FROM remember_me WHERE member_id = ?").param(memberId).update();
    }
}
