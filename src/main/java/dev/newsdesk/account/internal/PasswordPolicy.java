package dev.newsdesk.account.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.newsdesk.account.AccountRejected;
import dev.newsdesk.account.AccountSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, not absurdly long, and not one of the passwords people pick
 * most often (a short bundled list, {@code account/common-passwords.txt}), nor the member's own name or address.
 */
@Component
public class PasswordPolicy {

    static final int MAX_LENGTH = 200;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(AccountSettings settings) {
        this.minLength = settings.minPasswordLength();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("account/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            this.common = reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses {@code password} for the account of {@code displayName} and {@code email} unless it is acceptable. */
    public void check(String field, String password, String displayName, String email) {
        if (password == null || password.length() < minLength) {
            throw new AccountRejected(field, "account.error.passwordShort");
        }
        if (password.length() > MAX_LENGTH) {
            throw new AccountRejected(field, "account.error.passwordLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || (displayName != null && lower.contains(displayName.toLowerCase(Locale.ROOT)))
                || (email != null && lower.contains(email.toLowerCase(Locale.ROOT)))) {
            throw new AccountRejected(field, "account.error.passwordCommon");
        }
    }

    public int minLength() {
        return minLength;
    }
}
