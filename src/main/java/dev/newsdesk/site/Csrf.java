package dev.newsdesk.site;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/** The hidden field every form carries against cross-site request forgery. */
public record Csrf(String parameterName, String token) {

    /** The token of the current request (loading it may set the cookie that keeps it; no session is made). */
    public static Csrf of(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Csrf(token.getParameterName(), token.getToken());
    }
}
