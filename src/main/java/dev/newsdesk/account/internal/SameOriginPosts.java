package dev.newsdesk.account.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import dev.newsdesk.site.SiteSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Refuses, with a 403, a request that changes something (a POST, PUT, PATCH or DELETE) when the browser says it
 * comes from another site: {@code Sec-Fetch-Site} other than {@code same-origin} (a sibling subdomain's
 * {@code same-site} included, since it may plant cookies), or, from a browser that does not send that header,
 * an {@code Origin} that is neither the address the request was sent to nor {@link SiteSettings#baseUrl()}. This
 * guards the forms that a shared cache cannot give a per-reader token, and backs the CSRF token on the others.
 * A request with neither header (an old browser, a script) passes on to the CSRF check, which still wants a valid
 * token.
 */
class SameOriginPosts extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String site;

    SameOriginPosts(SiteSettings settings) {
        this.site = origin(settings.baseUrl());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            // "none": the person opened it themselves (a bookmark, the address bar).
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        boolean ours = WebUtils.isSameOrigin(new ServletServerHttpRequest(request))
                || !site.isEmpty() && site.equals(origin(origin));
        return !ours;
    }

    /** {@code scheme://host:port} of an address, with the port spelt out; "" for one that is no web origin ("null"). */
    static String origin(Object address) {
        try {
            URI uri = address instanceof URI given ? given : URI.create(address.toString());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
