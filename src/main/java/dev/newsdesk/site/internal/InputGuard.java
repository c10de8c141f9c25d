package dev.newsdesk.site.internal;

import java.io.IOException;
import java.util.Map;

import dev.newsdesk.site.ErrorPage;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, for the whole site and before any module sees it, a request whose parameters carry characters that no
 * form of a news portal has a use for: NUL (which PostgreSQL refuses in text) and the other control characters
 * but tab and line breaks, and the overrides, embeddings and isolates of text direction (which make a name read
 * differently from what it is), or that cannot be decoded at all. The answer is a 400 page in the language of the
 * address that says so.
 */
class InputGuard extends OncePerRequestFilter {

    private final Pages pages;
    private final Templates templates;

    InputGuard(Pages pages, Templates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() == null && !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // Tomcat could not decode them (bytes that are not UTF-8, a broken escape).
            refuse(request, response, "error.badRequest");
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean unusable = unusable(parameter.getKey());
            for (String value : parameter.getValue()) {
                unusable |= unusable(value);
            }
            if (unusable) {
                refuse(request, response, "error.badInput");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code text} holds a character that no form field accepts. */
    static boolean unusable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfffe || c == 0xffff) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String kind) throws IOException {
        Language language = Language.ofPath(request.getRequestURI());
        ErrorPage model = ErrorPage.of(pages, language, HttpStatus.BAD_REQUEST.value(), kind + ".title",
                pages.texts(language).get(kind + ".message"));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(templates.render("site/error", model));
    }
}
