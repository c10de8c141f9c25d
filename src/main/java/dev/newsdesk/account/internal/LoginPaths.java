package dev.newsdesk.account.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.newsdesk.site.Language;
import jakarta.servlet.http.HttpServletRequest;

/** Where logging in starts and where it returns to: only ever a path of this site. */
public final class LoginPaths {

    private LoginPaths() {
    }

    /** {@code path} if it is a path of this site (not another host, not a protocol-relative URL); null otherwise. */
    public static String safe(String path) {
        if (path == null || path.isBlank() || path.length() > 500 || !path.startsWith("/") || path.startsWith("//")
                || path.contains("\\") || path.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return path;
    }

    /** Whether {@code path} is one of the pages of logging in itself, which it makes no sense to return to. */
    public static boolean isAccountFlow(String path) {
        String bare = path.startsWith("/en/") ? path.substring(3) : path;
        return bare.startsWith("/login") || bare.startsWith("/signup") || bare.startsWith("/verify")
                || bare.startsWith("/password") || bare.startsWith("/setup");
    }

    /** The page to return to after logging in: the form's {@code next}, or {@code fallback}. */
    static String next(HttpServletRequest request, String fallback) {
        String next = safe(request.getParameter("next"));
        return next == null ? fallback : next;
    }

    /** The login page, in the language of the requested page, that returns to it. */
    static String loginFor(HttpServletRequest request) {
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return Language.ofPath(request.getRequestURI()).path("/login") + "?next=" + encode(path);
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
