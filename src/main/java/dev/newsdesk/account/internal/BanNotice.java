package dev.newsdesk.account.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Tells the login form whose ban to explain after a refused login, without a session: a short-lived cookie
 * holding the login, signed by the {@link SigningKey}. Only the browser that typed the right password gets it, so
 * only the account's owner reads the reason; a forged or stale cookie tells nothing.
 */
@Component
public class BanNotice {

    static final String COOKIE = "banned";
    private static final String PURPOSE = "banned-login";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final SigningKey key;
    private final Clock clock;

    BanNotice(SigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Gives the browser the notice that {@code login} was refused for its ban. */
    void give(String login, HttpServletRequest request, HttpServletResponse response) {
        String message = Base64.getUrlEncoder().withoutPadding().encodeToString(login.getBytes(StandardCharsets.UTF_8))
                + "." + clock.instant().plus(LIFETIME).getEpochSecond();
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, message + "." + key.sign(PURPOSE, message))
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(LIFETIME).build().toString());
    }

    /** The login whose ban this browser was told of in the last minutes, if it holds a notice the portal signed. */
    public Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            String[] parts = COOKIE.equals(cookie.getName()) ? cookie.getValue().split("\\.") : new String[0];
            if (parts.length == 3 && key.verifies(PURPOSE, parts[0] + "." + parts[1], parts[2])) {
                try {
                    if (Long.parseLong(parts[1]) >= clock.instant().getEpochSecond()) {
                        return Optional.of(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
                    }
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
