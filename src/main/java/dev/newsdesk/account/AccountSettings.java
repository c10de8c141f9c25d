package dev.newsdesk.account;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of accounts.
 *
 * @param minPasswordLength the shortest password accepted
 * @param verificationValidity how long a verification link works
 * @param resetValidity how long a password-reset link works
 * @param setupValidity how long the first-admin link written to the log works
 * @param rememberMe how long "remember me" keeps a member logged in, counted from the password login that started
 *        it however often it is used
 * @param attemptsPerAddress submissions of each form that tries a password or sends mail (login, sign-up, reset,
 *        new verification link, change of address or password) allowed from one IP address (an IPv6 /64) per
 *        {@link #attemptWindow()}
 * @param attemptWindow the period over which attempts are counted
 * @param failedLoginsBeforeLock wrong passwords for one login (address or name) before it is locked; only wrong
 *        passwords count, and a right one starts the count again
 * @param firstLock how long the first lock lasts; each further wrong password after a lock doubles it
 * @param longestLock the longest a login is ever locked
 * @param mailsPerAccount mails the account forms may send for one account (and to one e-mail address) per
 *        {@link #mailWindow()}, all forms together
 * @param mailWindow the period over which mails are counted
 * @param staffIdleTimeout how long a session of an editor, moderator or administrator lasts unused (a member's
 *        lasts {@code server.servlet.session.timeout}); staff are not offered "remember me"
 * @param sessionLifetime the longest any session lasts from its login, however busy
 * @param trustedProxies the reverse proxies (addresses or CIDR blocks) whose {@code X-Forwarded-For} and
 *        {@code X-Forwarded-Proto} are believed; from any other address these headers are ignored
 */
@Validated
@ConfigurationProperties("newsdesk.account")
public record AccountSettings(
        @Min(8) @DefaultValue("10") int minPasswordLength,
        @NotNull @DefaultValue("24h") Duration verificationValidity,
        @NotNull @DefaultValue("1h") Duration resetValidity,
        @NotNull @DefaultValue("24h") Duration setupValidity,
        @NotNull @DefaultValue("30d") Duration rememberMe,
        @Min(1) @DefaultValue("30") int attemptsPerAddress,
        @NotNull @DefaultValue("15m") Duration attemptWindow,
        @Min(1) @DefaultValue("5") int failedLoginsBeforeLock,
        @NotNull @DefaultValue("1m") Duration firstLock,
        @NotNull @DefaultValue("1h") Duration longestLock,
        @Min(1) @DefaultValue("5") int mailsPerAccount,
        @NotNull @DefaultValue("1h") Duration mailWindow,
        @NotNull @DefaultValue("12h") Duration staffIdleTimeout,
        @NotNull @DefaultValue("30d") Duration sessionLifetime,
        @NotNull @DefaultValue({"127.0.0.0/8", "::1/128"}) List<@Pattern(regexp = "[0-9A-Fa-f.:]+(/[0-9]{1,3})?") String> trustedProxies) {
}
