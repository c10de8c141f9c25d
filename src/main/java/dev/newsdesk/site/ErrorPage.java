package dev.newsdesk.site;

/** The model of the error page: the status and what it means to a reader. */
public record ErrorPage(Page page, int status, String heading, String message) {

    /** The error page of {@code status} in {@code language}, headed by the text of {@code titleKey}. */
    public static ErrorPage of(Pages pages, Language language, int status, String titleKey, String message) {
        Page page = pages.page(language, language.path("/")).title(pages.texts(language).get(titleKey)).build();
        return new ErrorPage(page, status, page.t(titleKey), message);
    }
}
