package dev.newsdesk.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's key for signing what it gives a browser to hand back (the CSRF cookie, the ban notice), so that
 * such a value needs no session to be trusted and cannot be made by anyone else, a sibling subdomain that plants
 * cookies included. The key is 256 random bits made by the first node that needs it and kept in the database,
 * which every node shares already: no setting to copy to every node and keep equal, nothing to configure on the
 * embedded default. Deleting its row makes a new key: every CSRF cookie signed with the old one is then refused
 * once and replaced, and nothing else is lost. Each use names its purpose, so that a signature made for one
 * cannot pass for another.
 */
@Component
public class SigningKey {

    private static final String NAME = "hmac";

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile SecretKeySpec key;

    SigningKey(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The signature of {@code message} for {@code purpose}, in URL-safe Base64. */
    public String sign(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is the one of {@code message} for {@code purpose}, compared in constant time. */
    public boolean verifies(String purpose, String message, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, message).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(Base64.getDecoder().decode(stored()), "HmacSHA256");
                }
                known = key;
            }
        }
        return known;
    }

    /** The stored key, made now if no node has made it yet (two nodes racing keep the first one's). */
    private String stored() {
        return jdbc.sql("SELECT secret FROM signing_key WHERE name = ?").param(NAME).query(String.class).optional()
                .orElseGet(() -> {
                    byte[] bytes = new byte[32];
                    new SecureRandom().nextBytes(bytes);
                    try {
                        jdbc.sql("INSERT INTO signing_key (name, secret, created_at) VALUES (?, ?, ?)")
                                .params(NAME, Base64.getEncoder().encodeToString(bytes), Accounts.utc(clock.instant()))
                                .update();
                    } catch (DuplicateKeyException raced) {
                        // Another node made it first: use theirs.
                    }
                    return jdbc.sql("SELECT secret FROM signing_key WHERE name = ?").param(NAME).query(String.class).single();
                });
    }
}
