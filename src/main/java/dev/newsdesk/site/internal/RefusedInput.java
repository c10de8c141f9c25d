package dev.newsdesk.site.internal;

import dev.newsdesk.site.ErrorPage;
import dev.newsdesk.site.Language;
import dev.newsdesk.site.Pages;
import dev.newsdesk.site.Rejected;
import dev.newsdesk.site.Templates;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal that no form caught is still a refusal: a {@link Rejected} that reaches the web edge, or a value the
 * database will not store (longer than its column, say), is answered 422 with a page in the reader's language,
 * not as a server error. Forms that check their fields themselves never get here; this is the net below them.
 */
@ControllerAdvice
class RefusedInput {

    private static final Logger log = LoggerFactory.getLogger(RefusedInput.class);

    private final Pages pages;
    private final Templates templates;

    RefusedInput(Pages pages, Templates templates) {
        this.pages = pages;
        this.templates = templates;
    }

    @ExceptionHandler(Rejected.class)
    ResponseEntity<byte[]> rejected(Rejected rejected, HttpServletRequest request) {
        Language language = Language.ofPath(request.getRequestURI());
        return refused(language, String.join(" ", rejected.messages(pages.texts(language)).values()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<byte[]> notStored(DataIntegrityViolationException refused, HttpServletRequest request) {
        log.warn("The database refused what {} {} sent: {}", request.getMethod(), request.getRequestURI(),
                refused.getMostSpecificCause().getMessage());
        Language language = Language.ofPath(request.getRequestURI());
        return refused(language, pages.texts(language).get("error.refused.message"));
    }

    private ResponseEntity<byte[]> refused(Language language, String message) {
        ResponseEntity<byte[]> answer = templates.page(HttpStatus.UNPROCESSABLE_CONTENT, "site/error", ErrorPage.of(pages,
                language, HttpStatus.UNPROCESSABLE_CONTENT.value(), "error.refused.title", message));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .cacheControl(CacheControl.noStore()).body(answer.getBody());
    }
}
