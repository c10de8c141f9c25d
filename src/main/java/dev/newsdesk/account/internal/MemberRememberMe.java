package dev.newsdesk.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.newsdesk.account.AccountSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * "Remember me" by persistent series, as Spring Security's persistent tokens work, but with the tokens kept
 * hashed ({@link RememberMeTokens}) and compared in constant time. A series lasts
 * {@link AccountSettings#rememberMe()} from the login that started it, however often it is used; a wrong token
 * for a known series means the cookie was copied, and ends every series of the member. The cookie is
 * HttpOnly, {@code SameSite=Lax}, and Secure when the request came over HTTPS. Staff are never remembered.
 */
class MemberRememberMe extends AbstractRememberMeServices {

    private static final SecureRandom RANDOM = new SecureRandom();

    static final String COOKIE = "remember-me";

    private final RememberMeTokens tokens;
    private final AccountSettings settings;
    private final Clock clock;

    MemberRememberMe(String key, MemberLogin login, RememberMeTokens tokens, AccountSettings settings, Clock clock) {
        super(key, login.byId());
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
        setParameter("remember");
        setCookieName(COOKIE);
        setTokenValiditySeconds((int) settings.rememberMe().toSeconds());
        setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    @Override
    protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication login) {
        // A remembered login would outlast the short idle time of a staff session, and make it pointless.
        if (!(login.getPrincipal() instanceof MemberPrincipal member) || member.isStaff()) {
            return;
        }
        String series = random(16);
        String token = random(32);
        tokens.start(series, member.id(), Tokens.hash(token), clock.instant());
        setCookie(new String[] {series, token}, getTokenValiditySeconds(), request, response);
    }

    @Override
    protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request, HttpServletResponse response) {
        if (cookie.length != 2 || cookie[0].length() > 64 || cookie[1].length() > 100) {
            throw new InvalidCookieException("Not a remember-me cookie");
        }
        RememberMeTokens.Series series = tokens.find(cookie[0])
                .orElseThrow(() -> new RememberMeAuthenticationException("No such remember-me series"));
        if (!MessageDigest.isEqual(Tokens.hash(cookie[1]).getBytes(StandardCharsets.US_ASCII),
                series.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            tokens.endAll(series.memberId());
            // Spring Security's CookieTheftException would end the request with a 500; this one only refuses it.
            throw new RememberMeAuthenticationException("A used remember-me token was presented again: every series "
                    + "of the member ends");
        }
        Instant now = clock.instant();
        if (series.createdAt().plus(settings.rememberMe()).isBefore(now)) {
            tokens.end(series.series());
            throw new RememberMeAuthenticationException("The remember-me series has expired");
        }
        String token = random(32);
        tokens.renew(series.series(), Tokens.hash(token), now);
        setCookie(new String[] {series.series(), token}, getTokenValiditySeconds(), request, response);
        // The session this opens lasts no longer than the password login that started the series.
        request.getSession().setAttribute(SessionLimits.LOGGED_IN_AT, series.createdAt().toEpochMilli());
        UserDetails member = getUserDetailsService().loadUserByUsername(Long.toString(series.memberId()));
        if (member instanceof MemberPrincipal principal && principal.isStaff()) {
            tokens.endAll(series.memberId());
            throw new RememberMeAuthenticationException("Staff are not remembered");
        }
        return member;
    }

    /** Logging out ends the series of this browser; the member's other devices stay remembered. */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        Optional.ofNullable(extractRememberMeCookie(request)).ifPresent(value -> {
            try {
                String[] cookie = decodeCookie(value);
                if (cookie.length == 2) {
                    tokens.end(cookie[0]);
                }
            } catch (InvalidCookieException e) {
                // Nothing of ours to end.
            }
        });
        super.logout(request, response, authentication);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
