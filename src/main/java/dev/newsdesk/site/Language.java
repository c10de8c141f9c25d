package dev.newsdesk.site;

import java.util.Locale;

/**
 * A language the portal is published in; Russian lives at the root of the site, English under {@code /en}.
 */
public enum Language {

    RU("ru", "", Locale.of("ru", "RU")),
    EN("en", "/en", Locale.of("en", "GB"));

    private final String code;
    private final String prefix;
    private final Locale locale;

    Language(String code, String prefix, Locale locale) {
        this.code = code;
        this.prefix = prefix;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The site path of {@code path} (which starts with a slash) in this language: {@code /news/1} becomes {@code /en/news/1}. */
    public String path(String path) {
        return prefix + path;
    }

    public Language other() {
        return this == RU ? EN : RU;
    }

    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return language;
            }
        }
        // A code a form sent that is none of the site's languages is refused like any other bad field.
        throw new Rejected("language", "error.language");
    }

    /** The language a request path is in, judged by its prefix. */
    public static Language ofPath(String path) {
        if (path != null && (path.equals(EN.prefix) || path.startsWith(EN.prefix + "/"))) {
            return EN;
        }
        return RU;
    }
}
