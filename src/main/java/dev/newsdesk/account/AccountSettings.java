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
 * @param rememberMe how long "remember me" keeps a member logged in
 * @param attemptsPerAddress logins, sign-ups and reset requests allowed from one IP address per {@link #attemptWindow()}
 * @param attemptsPerAccount logins allowed for one account (or sign-ups and resets for one e-mail) per window
 * @param attemptWindow the period over which attempts are counted
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
        @Min(1) @DefaultValue("10") int attemptsPerAccount,
        @NotNull @DefaultValue("15m") Duration attemptWindow,
        @NotNull @DefaultValue({"127.0.0.0/8", "::1/128"}) List<@Pattern(regexp = "[0-9A-Fa-f.:]+(/[0-9]{1,3})?") String> trustedProxies) {
}
