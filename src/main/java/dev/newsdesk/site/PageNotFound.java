package dev.newsdesk.site;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The page a reader asked for does not exist (or is not public); answered with the 404 page in the page's language.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PageNotFound extends RuntimeException {

    public PageNotFound(String what) {
        super(what, null, false, false);
    }
}
