package dev.newsdesk.account.internal;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Keeps the CSRF token in a signed cookie instead of the session, so that a reader gets a form, and sends it,
 * without the portal keeping anything for them (the double-submit pattern: the form's field must equal the
 * cookie). The token is a random nonce and its signature by the {@link SigningKey}, made over the nonce and the
 * id of the session the request has, if any: a cookie planted by a sibling subdomain is refused unless the portal
 * signed it, and a token a stranger got from the portal for himself does not pass in a member's session. A token
 * that does not verify is as good as none: a page then gets a new one, and a POST is refused.
 * <p>
 * The cookie is {@code HttpOnly} (the token reaches the form in the page), {@code SameSite=Lax}, and
 * {@code Secure} when the request came over HTTPS, which Tomcat believes only from a trusted proxy, as it does for
 * the session cookie. It lasts as long as the browser, and logging in or out replaces or removes it.
 */
class SignedCsrfCookie implements CsrfTokenRepository {

    static final String COOKIE = "csrf";
    private static final String PURPOSE = "csrf";
    private static final String PARAMETER = "_csrf";
    private static final String HEADER = "X-CSRF-TOKEN";
    /** Request attribute: the token this request set or removed, which the cookie it came with no longer tells. */
    private static final String SAVED = SignedCsrfCookie.class.getName() + ".saved";
    private static final String REMOVED = "";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key;

    SignedCsrfCookie(SigningKey key) {
        this.key = key;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return token(nonce + "." + key.sign(PURPOSE, signed(nonce, request)));
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(SAVED, token == null ? REMOVED : token.getToken());
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token == null ? "" : token.getToken())
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .maxAge(token == null ? 0 : -1)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        String value = request.getAttribute(SAVED) instanceof String saved ? saved : cookie(request);
        if (value == null || value.isEmpty()) {
            return null;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || !key.verifies(PURPOSE, signed(value.substring(0, dot), request), value.substring(dot + 1))) {
            return null;
        }
        return token(value);
    }

    /** What the signature covers: the nonce, and the session the token is for (none before login). */
    private static String signed(String nonce, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return nonce + "|" + (session == null ? "" : session.getId());
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(HEADER, PARAMETER, value);
    }
}
