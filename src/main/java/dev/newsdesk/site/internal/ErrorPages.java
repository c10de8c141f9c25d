package dev.newsdesk.site.internal;

import dev.newsdesk.site.ErrorPage;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Page;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Templates;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers every error (an unknown address, a {@code PageNotFound}, a failure) with a page in the
 * language of the address that was asked for.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final Pages pages;
    private final Templates templates;

    ErrorPages(Pages pages, Templates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    @RequestMapping("/error")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Language language = Language.ofPath(uri);
        String kind = switch (status) {
            case NOT_FOUND -> "notFound";
            case FORBIDDEN -> "forbidden";
            case TOO_MANY_REQUESTS -> "tooMany";
            case BAD_REQUEST, METHOD_NOT_ALLOWED -> "badRequest";
            default -> status.is5xxServerError() ? "server" : "other";
        };
        try {
            Page page = pages.page(language, uri == null ? language.path("/") : uri)
                    .title(pages.texts(language).get("error." + kind + ".title"))
                    .build();
            ErrorPage model = new ErrorPage(page, status.value(), page.t("error." + kind + ".title"),
                    page.t("error." + kind + ".message"));
            return templates.page(status, "site/error", model);
        } catch (RuntimeException e) {
            // The error page itself failed (say, the database is down and the navigation cannot load).
            log.error("Could not render the {} page for {}", status.value(), uri, e);
            return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
                    .body((status.value() + " " + status.getReasonPhrase()).getBytes());
        }
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
